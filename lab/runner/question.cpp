#include "lab/runner/question.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace lab::runner {

question settled(question asked, std::string_view lesson_number)
{
  if (asked.choices.empty()) return asked;
  const choice right = asked.choices.at(static_cast<std::size_t>(asked.correct));
  std::vector<choice> wrong;
  for (std::size_t i = 0; i < asked.choices.size(); ++i) {
    const auto& c = asked.choices[i];
    const bool seen = c.text == right.text ||
                      std::ranges::any_of(wrong, [&](const choice& w) { return w.text == c.text; });
    if (static_cast<int>(i) != asked.correct && !seen) wrong.push_back(c);
  }
  int number = 0;
  std::from_chars(lesson_number.data(), lesson_number.data() + lesson_number.size(), number);
  const auto place = static_cast<std::size_t>(number) % (wrong.size() + 1);
  wrong.insert(wrong.begin() + static_cast<std::ptrdiff_t>(place), right);
  asked.choices = std::move(wrong);
  asked.correct = static_cast<int>(place);
  return asked;
}

int ask(const question& asked, const terminal& out)
{
  const int count = static_cast<int>(asked.choices.size());
  for (;;) {
    fmt::print("{} ", out.bold(fmt::format("Your prediction (1-{}, Enter to skip):", count)));
    std::fflush(stdout);
    char buffer[64];
    if (!std::fgets(buffer, sizeof buffer, stdin)) {
      fmt::print("\n");
      return 0;
    }
    std::string_view line(buffer);
    line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
    line = line.substr(0, line.find_last_not_of(" \t\r\n") + 1);
    if (line.empty()) return 0;
    int picked = 0;
    const auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), picked);
    if (error == std::errc() && end == line.data() + line.size() && picked >= 1 && picked <= count) return picked;
    fmt::print("Type a number from 1 to {}, or press Enter to skip.\n", count);
  }
}

std::string judged_prediction(const question& asked, int answer, const terminal& out)
{
  const auto reason = [](const choice& c) {
    auto text = c.reason;
    while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
    return text;
  };
  std::string text;
  const bool answered = answer > 0 && answer <= static_cast<int>(asked.choices.size());
  const bool right = answer == asked.correct + 1;
  if (answered) {
    const auto& picked = asked.choices[static_cast<std::size_t>(answer - 1)];
    const auto line = fmt::format("{}) {}: {} ({}).", answer, picked.text, right ? "right" : "wrong", reason(picked));
    const auto said = wrapped(line, out.width, "You predicted ", "  ");
    text += (right ? out.good(said) : out.bad(said)) + "\n";
  }
  if (!right && asked.correct >= 0 && asked.correct < static_cast<int>(asked.choices.size())) {
    const auto& correct = asked.choices[static_cast<std::size_t>(asked.correct)];
    const auto line = fmt::format("{}) {}: {}.", asked.correct + 1, correct.text, reason(correct));
    text += wrapped(line, out.width, "Answer: ", "  ") + "\n";
  }
  return text;
}

}  // namespace lab::runner
