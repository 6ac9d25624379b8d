# The bench target: `asynclab bench`, which runs every benchmark and keeps Google Benchmark's JSON
# in results/<host>-<date>.json, with the course's commit, the student and the CPU in its context.
# `make bench MODE=quick|thorough|plain STUDENT=name` passes both through the environment.

function(asynclab_add_bench_target)
  add_custom_target(bench
    COMMAND asynclab bench
    DEPENDS asynclab asynclab_benchmarks
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    USES_TERMINAL
    COMMENT "Running the benchmarks")
endfunction()
