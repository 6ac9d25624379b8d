// The benchmarks' main: Google Benchmark's own, plus what a class needs to compare files from
// different laptops. The build adds its compiler and build type to the JSON's context; `asynclab
// bench` adds the course's commit, the student and the CPU with --benchmark_context.

#include <benchmark/benchmark.h>

int main(int argc, char** argv)
{
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("asynclab_version", ASYNCLAB_VERSION);
  benchmark::AddCustomContext("asynclab_compiler", ASYNCLAB_COMPILER);
  benchmark::AddCustomContext("asynclab_build_type", ASYNCLAB_BUILD_TYPE);
  // A filter that matches nothing is a mistake worth an exit code (asynclab bench 99).
  const auto ran = benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return ran > 0 ? 0 : 1;
}
