// The tests' helpers: the only test file that sees Boost.JSON's writer and the process module.

#include "tests/tool/fixtures.hpp"

#include "tool/process.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace json = boost::json;

namespace tool_test {
namespace {

json::object row_of(const fake_benchmark& benchmark, std::string_view run_type, double real_time)
{
  json::object row{{"name", benchmark.name},
                   {"run_name", benchmark.name},
                   {"run_type", run_type},
                   {"repetitions", benchmark.real_times.size()},
                   {"iterations", 10},
                   {"real_time", real_time},
                   {"cpu_time", real_time / 10},
                   {"time_unit", benchmark.unit}};
  if (run_type == "aggregate") {
    row["name"] = benchmark.name + "_mean";
    row["aggregate_name"] = "mean";
  }
  if (benchmark.headline) row["headline"] = *benchmark.headline;
  if (benchmark.headline_of) row["headline_of"] = *benchmark.headline_of;
  if (!benchmark.label.empty()) row["label"] = benchmark.label;
  if (benchmark.theory) row["theory"] = *benchmark.theory;
  return row;
}

int next_scratch()
{
  static int next = 0;
  return next++;
}

}  // namespace

std::string benchmark_json(const std::vector<fake_benchmark>& benchmarks, const std::string& commit,
                           const std::string& student, const std::string& host, const std::string& date)
{
  json::array rows;
  for (const auto& benchmark : benchmarks) {
    double sum = 0;
    for (const double real : benchmark.real_times) {
      rows.push_back(row_of(benchmark, "iteration", real));
      sum += real;
    }
    rows.push_back(row_of(benchmark, "aggregate", sum / static_cast<double>(benchmark.real_times.size())));
  }
  const json::object context{{"date", date}, {"host_name", host},
                             {"num_cpus", 4},                        {"library_build_type", "debug"},
                             {"asynclab_commit", commit},            {"student", student},
                             {"cpu_model", "Test CPU"},              {"asynclab_build_type", "Release"}};
  return json::serialize(json::object{{"context", context}, {"benchmarks", rows}});
}

scratch_folder::scratch_folder()
    : path_(std::filesystem::temp_directory_path() / fmt::format("asynclab_tool_test_{}_{}", getpid(), next_scratch()))
{
  std::filesystem::create_directories(path_);
}

scratch_folder::~scratch_folder() { std::filesystem::remove_all(path_); }

std::string scratch_folder::write(const std::string& name, const std::string& text) const
{
  const auto file = path_ / name;
  std::ofstream(file, std::ios::binary) << text;
  return file.string();
}

std::string contents_of(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

command_result run(const std::vector<std::string>& command)
{
  const auto ran = asynclab::tool::run_captured(command, std::chrono::minutes(5), asynclab::tool::error_stream::apart);
  return {.exit_code = ran.exit_code.value_or(-1), .out = ran.output, .err = ran.errors};
}

command_result run_asynclab(std::vector<std::string> arguments)
{
  arguments.insert(arguments.begin(), ASYNCLAB_COMMAND);
  return run(arguments);
}

std::size_t count_of(const std::string& text, const std::string& part)
{
  std::size_t found = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
  return found;
}

std::size_t lines_in(const std::string& text)
{
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace tool_test
