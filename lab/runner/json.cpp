#include "lab/runner/render.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace lab::runner {
namespace {

namespace json = boost::json;

/// "--delay-ms" as "delay_ms".
std::string key_of(const std::string& flag)
{
  std::string key = flag.substr(flag.find_first_not_of('-'));
  std::ranges::replace(key, '-', '_');
  return key;
}

json::object role_of(const result& shown, const role_run& run)
{
  json::object out{{"calls", shown.lesson.api_of(run.which)},
                   {"wall_seconds", std::chrono::duration<double>(run.wall).count()}};
  if (run.processor) out["processor_seconds"] = std::chrono::duration<double>(*run.processor).count();
  for (const auto& o : run.observations) out[o.key] = o.value;
  out["as_expected"] = run.expected.all_hold();
  return out;
}

json::object prediction_of(const question& asked, int answer)
{
  json::array choices;
  for (const auto& c : asked.choices) choices.emplace_back(c.text);
  json::object out{{"question", asked.text}, {"choices", std::move(choices)}, {"correct", asked.correct + 1}};
  out["answer"] = answer > 0 ? json::value(answer) : json::value(nullptr);
  out["right"] = answer > 0 ? json::value(answer == asked.correct + 1) : json::value(nullptr);
  return out;
}

}  // namespace

std::string json_report(const result& shown)
{
  const auto& lesson = shown.lesson;
  json::object scenario;
  for (const auto& p : lesson.parameters) scenario[key_of(p.flag)] = *p.value;
  json::object out{{"lesson", lesson.number + "_" + lesson.name},
                   {"title", lesson.title},
                   {"scenario", std::move(scenario)},
                   {"headline", lesson.headline}};
  for (const auto& run : shown.runs) out[name_of(run.which)] = role_of(shown, run);
  const auto theory = lesson.theory();
  out["ratio"] = json::object{
      {"measured", shown.judged.ratio ? json::value(*shown.judged.ratio) : json::value(nullptr)},
      {"expected", theory.ratio ? json::value(*theory.ratio) : json::value(nullptr)}};
  out["prediction"] = prediction_of(shown.asked, shown.answer);
  out["showed"] = shown.judged.showed;
  out["verdict"] = shown.judged.summary;
  json::object explained;
  for (const auto& line : shown.judged.lines) explained[line.label] = line.text;
  out["explanation"] = std::move(explained);
  return json::serialize(out) + "\n";
}

}  // namespace lab::runner
