// The only file of the tool that sees Boost.JSON: it turns Google Benchmark's JSON into plain structs.

#include "tool/bench_results.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>
#include <boost/json/value.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

namespace json = boost::json;

namespace asynclab::tool {

namespace {

std::string text_of(const json::object& object, std::string_view key)
{
  const auto* found = object.if_contains(key);
  if (!found) return {};
  if (found->is_string()) return std::string(found->get_string());
  if (found->is_number()) return json::serialize(*found);
  if (found->is_bool()) return found->get_bool() ? "true" : "false";
  return {};
}

std::optional<double> number_of(const json::object& object, std::string_view key)
{
  const auto* found = object.if_contains(key);
  if (!found || !found->is_number()) return std::nullopt;
  return found->to_number<double>();
}

run_context context_of(const json::object& context)
{
  run_context read;
  read.student = text_of(context, "student");
  read.host = text_of(context, "host_name");
  read.cpu_model = text_of(context, "cpu_model");
  read.cpus = static_cast<int>(number_of(context, "num_cpus").value_or(0));
  read.date = text_of(context, "date");
  read.course_commit = text_of(context, "asynclab_commit");
  if (read.course_commit == "unknown") read.course_commit.clear();  // run outside a git checkout
  read.course_modified = text_of(context, "asynclab_modified") == "yes";
  read.compiler = text_of(context, "asynclab_compiler");
  read.build_type = text_of(context, "asynclab_build_type");
  read.library_build_type = text_of(context, "library_build_type");
  read.mode = text_of(context, "asynclab_mode");
  return read;
}

// "line 3, column 7" for a byte offset into `text`.
std::string position_in(std::string_view text, std::size_t offset)
{
  const auto before = text.substr(0, std::min(offset, text.size()));
  const auto line = std::count(before.begin(), before.end(), '\n') + 1;
  const auto line_start = before.rfind('\n');
  const auto column = before.size() - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return fmt::format("line {}, column {}", line, column);
}

// The count a lesson leads with, when the benchmark carries one.
void add_headline(const json::object& row, benchmark_times& times)
{
  const auto seen = number_of(row, "headline"), of = number_of(row, "headline_of");
  if (!seen || !of) return;
  times.headline.push_back(*seen);
  times.headline_of.push_back(*of);
  if (times.label.empty()) times.label = text_of(row, "label");
}

// The ratio the lesson's theory predicts, when the benchmark records it.
void add_theory(const json::object& row, benchmark_times& times)
{
  if (const auto theory = number_of(row, "theory"); theory && *theory > 0) times.theory.push_back(*theory);
}

// The cost of one operation, when the benchmark reports it.
void add_each(const json::object& row, benchmark_times& times)
{
  if (const auto ns = number_of(row, "ns_each"))
    times.each.push_back(*ns * 1e-9);
  else if (const auto seconds = number_of(row, "per_start"))
    times.each.push_back(*seconds);
}

// Adds one row of the file to the benchmark it measures. Repetitions of one benchmark share its
// run name; aggregates (mean, median, ...) follow them. We keep the repetitions and compute our own
// medians; the median row stands in only when the file has no repetitions at all.
void add_row(const json::object& row, std::vector<benchmark_times>& benchmarks)
{
  if (text_of(row, "error_occurred") == "true") return;
  const auto real = number_of(row, "real_time"), cpu = number_of(row, "cpu_time");
  if (!real || !cpu) return;
  const auto run_type = text_of(row, "run_type");
  const bool median_row = run_type == "aggregate" && text_of(row, "aggregate_name") == "median";
  if (run_type == "aggregate" && !median_row) return;

  auto name = text_of(row, "run_name");
  if (name.empty()) name = text_of(row, "name");
  auto unit = text_of(row, "time_unit");
  if (unit.empty()) unit = "ns";
  auto known = std::find_if(benchmarks.begin(), benchmarks.end(), [&](const auto& b) { return b.name == name; });
  if (known == benchmarks.end()) {
    benchmarks.push_back({.name = name, .time_unit = unit, .real_time = {}, .cpu_time = {},
                          .from_median_row = median_row, .headline = {}, .headline_of = {}, .label = {},
                          .theory = {}, .each = {}});
    known = std::prev(benchmarks.end());
  } else if (median_row) {
    return;  // the repetitions are already there
  }
  known->real_time.push_back(*real * seconds_in(unit));
  known->cpu_time.push_back(*cpu * seconds_in(unit));
  add_headline(row, *known);
  add_theory(row, *known);
  add_each(row, *known);
}

// Google Benchmark writes NaN and inf, which JSON lacks, where an aggregate divides by zero: the
// coefficient of variation of a counter that is always 0 (lesson 02's bodies run, in the pitfall).
// They become null, which the reader skips, as it skips any value that is not a number.
std::string without_nan(std::string_view text)
{
  static const std::regex not_a_number(R"((:\s*)-?(NaN|nan|Infinity|inf)\b)");
  return std::regex_replace(std::string(text), not_a_number, "$1null");
}

bench_file_read failure(std::string problem)
{
  bench_file_read read;
  read.problem = std::move(problem);
  return read;
}

}  // namespace

double median(std::vector<double> values)
{
  if (values.empty()) return 0;
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (values.size() % 2 == 1) return *middle;
  return (*middle + *std::max_element(values.begin(), middle)) / 2;
}

double seconds_in(std::string_view unit)
{
  if (unit == "ns") return 1e-9;
  if (unit == "us") return 1e-6;
  if (unit == "ms") return 1e-3;
  return 1;
}

double benchmark_times::median_real_time() const { return median(real_time); }
double benchmark_times::median_cpu_time() const { return median(cpu_time); }

const benchmark_times* bench_run::find(std::string_view name) const
{
  for (const auto& benchmark : benchmarks)
    if (benchmark.name == name) return &benchmark;
  return nullptr;
}

std::string bench_run::machine() const
{
  if (context.student.empty()) return context.host.empty() ? file : context.host;
  return context.host.empty() ? context.student : fmt::format("{} on {}", context.student, context.host);
}

bench_file_read parse_bench_json(std::string_view text, const std::string& file)
{
  json::stream_parser parser;
  boost::system::error_code error;
  const auto cleaned = without_nan(text);
  text = cleaned;
  const auto consumed = parser.write(text.data(), text.size(), error);
  if (!error) parser.finish(error);
  if (error)
    return failure(fmt::format("{}: not valid JSON ({} at {})", file, error.message(), position_in(text, consumed)));
  const json::value document = parser.release();

  const auto* root = document.if_object();
  const auto* listed = root ? root->if_contains("benchmarks") : nullptr;
  if (!listed || !listed->is_array())
    return failure(fmt::format("{}: not Google Benchmark output (it has no \"benchmarks\" list)", file));

  bench_run run;
  run.file = file;
  if (const auto* context = root->if_contains("context"); context && context->is_object())
    run.context = context_of(context->get_object());

  for (const auto& entry : listed->get_array())
    if (entry.is_object()) add_row(entry.get_object(), run.benchmarks);
  if (run.benchmarks.empty())
    return failure(fmt::format("{}: no benchmark results in it (did --benchmark_filter match nothing?)", file));
  bench_file_read read;
  read.run = std::move(run);
  return read;
}

bench_file_read read_bench_file(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) return failure(fmt::format("{}: cannot read it ({})", path, std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_bench_json(text.str(), path);
}

}  // namespace asynclab::tool
