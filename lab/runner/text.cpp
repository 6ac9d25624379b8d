#include "lab/runner/render.hpp"

#include "lab/chart.hpp"
#include "lab/format.hpp"
#include "lab/runner/question.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lab::runner {
namespace {

using table = std::vector<std::vector<std::string>>;

table rows_of(const result& shown)
{
  const bool processor = shown.runs.front().processor.has_value();
  table rows{{"", "wall"}};
  if (processor) rows[0].push_back("processor");
  for (const auto& o : shown.runs.front().observations) rows[0].push_back(o.label);
  for (const auto& run : shown.runs) {
    std::vector<std::string> row{name_of(run.which), human_duration(run.wall)};
    if (processor) row.push_back(human_duration(run.measured()));
    for (const auto& o : run.observations) row.push_back(o.text);
    rows.push_back(std::move(row));
  }
  return rows;
}

/// Pads every cell of a column to the column's width.
std::string side_by_side(const table& rows, const terminal& out)
{
  std::vector<std::size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], columns(row[c]));
  std::string text;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < rows[r].size(); ++c)
      line += rows[r][c] + std::string(widths[c] - columns(rows[r][c]) + 3, ' ');
    line.erase(line.find_last_not_of(' ') + 1);
    text += (r == 0 ? out.dim(line) : line) + "\n";
  }
  return text;
}

/// One block per role, a line per number: for terminals too narrow for the row.
std::string stacked(const table& rows, const terminal& out)
{
  std::size_t label_width = 0;
  for (std::size_t c = 1; c < rows[0].size(); ++c) label_width = std::max(label_width, columns(rows[0][c]));
  std::string text;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    text += out.bold(rows[r][0]) + "\n";
    for (std::size_t c = 1; c < rows[r].size(); ++c)
      text += fmt::format("  {}{}  {}\n", out.dim(rows[0][c]), std::string(label_width - columns(rows[0][c]), ' '),
                          rows[r][c]);
  }
  return text;
}

std::string charts(const result& shown, const terminal& out)
{
  const auto chart = chart_options_of(shown, static_cast<int>(out.width));
  std::string text;
  for (const auto& run : shown.runs) {
    const auto title = out.bold(name_of(run.which)) + " " + out.dim("· " + shown.lesson.api_of(run.which));
    text += title + "\n" + ascii_chart(*run.spans, chart) + "\n";
  }
  return text;
}

std::string verdict_text(const verdict& judged, const terminal& out)
{
  const auto summary = wrapped(judged.summary, out.width);
  std::string text = (judged.showed ? out.good(summary) : out.bad(summary)) + "\n";
  for (const auto& line : judged.lines) {
    const auto label = fmt::format("{:<10}", line.label + ":");
    text += wrapped(line.text, out.width, label, std::string(10, ' ')) + "\n";
  }
  return text;
}

}  // namespace

std::string numbers_table(const result& shown, const terminal& out)
{
  const auto rows = rows_of(shown);
  const auto plain = side_by_side(rows, terminal{.colour = false, .width = out.width});
  return widest_line(plain) <= out.width ? side_by_side(rows, out) : stacked(rows, out);
}

chart_options chart_options_of(const result& shown, int width)
{
  // Both charts at the same scale, so the shorter run looks shorter.
  chart_options chart{.width = width};
  for (const auto& run : shown.runs) {
    chart.span = std::max(chart.span, duration(*run.spans));
    for (const auto& seen : run.observations) chart.loop_row = chart.loop_row || seen.key == "longest_stall_seconds";
  }
  return chart;
}

std::string text_report(const result& shown, const terminal& out)
{
  std::string text = "\n" + charts(shown, out) + numbers_table(shown, out) + "\n" + verdict_text(shown.judged, out);
  const auto prediction = judged_prediction(shown.asked, shown.answer, out);
  if (!prediction.empty()) text += "\n" + prediction;
  return text;
}

}  // namespace lab::runner
