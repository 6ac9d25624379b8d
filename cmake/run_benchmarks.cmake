# cmake -DBENCHMARKS=<executable> -DRESULTS=<folder> -P run_benchmarks.cmake
# Runs every benchmark, shows Google Benchmark's table, and keeps its JSON as <host>-<date>.json.
cmake_host_system_information(RESULT host QUERY HOSTNAME)
string(TIMESTAMP now "%Y-%m-%dT%H%M%S")
file(MAKE_DIRECTORY ${RESULTS})
set(out ${RESULTS}/${host}-${now}.json)

execute_process(
  COMMAND ${BENCHMARKS} --benchmark_out=${out} --benchmark_out_format=json
  RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "The benchmarks failed (${failed}).")
endif()
message(STATUS "Benchmark results: ${out}")
