# cmake -DASYNCLAB=<asynclab> -DOUT=<folder> -DLESSONS=<stem,stem,...> -P docs_bench.cmake
# The benchmark numbers of the docs: a short real run of every benchmark, or the file a teacher
# gives with `make docs BENCH=path` (the environment variable BENCH), then for each lesson a chart
# (<stem>.bench.svg) and a table (<stem>.bench.md) that its page includes.
if(NOT "$ENV{BENCH}" STREQUAL "")
  set(results "$ENV{BENCH}")
  if(NOT EXISTS "${results}")
    message(FATAL_ERROR "BENCH=${results}: no such file; give the JSON of `make bench` or `asynclab bench`")
  endif()
  message(STATUS "Docs: benchmark numbers from ${results}")
else()
  set(results "${OUT}/benchmarks.json")
  message(STATUS "Docs: a short run of every benchmark (make docs BENCH=file uses a saved run instead)")
  execute_process(
    COMMAND ${ASYNCLAB} bench --mode plain --out ${results} -- --benchmark_min_time=0.05
    OUTPUT_FILE ${OUT}/benchmarks.log
    ERROR_FILE ${OUT}/benchmarks.log
    RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "The benchmarks failed (${failed}); see ${OUT}/benchmarks.log")
  endif()
endif()

string(REPLACE "," ";" lessons "${LESSONS}")
foreach(stem IN LISTS lessons)
  execute_process(
    COMMAND ${ASYNCLAB} chart ${results} --lesson ${stem} --svg ${OUT}/${stem}.bench.svg --markdown ${OUT}/${stem}.bench.md
    RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "Could not chart lesson ${stem}'s benchmarks from ${results}")
  endif()
endforeach()
