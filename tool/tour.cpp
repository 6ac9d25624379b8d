#include "tool/tour.hpp"

#include "tool/catalogue.hpp"
#include "tool/docs_page.hpp"
#include "tool/process.hpp"
#include "tool/progress.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace asynclab::tool {
namespace {

bool wants_help(arguments args)
{
  if (args.empty()) return false;  // `asynclab` alone
  for (const std::string_view arg : args.subspan(1))
    if (arg == "--help" || arg == "-h") return true;
  return false;
}

/// The lesson number, the only argument of hint, explain and exercise.
const lesson_entry& lesson_argument(arguments args, const char* usage)
{
  if (args.size() != 2) throw bad_input(fmt::format("usage: {}", usage));
  return find_lesson(args[1]);
}

std::string read_line()
{
  char buffer[256];
  if (!std::fgets(buffer, sizeof buffer, stdin)) return "q";  // end of input: stop, keep the progress
  std::string line(buffer);
  line.erase(0, line.find_first_not_of(" \t"));
  line.erase(line.find_last_not_of(" \t\r\n") + 1);
  return line;
}

/// Runs a lesson in the terminal with its prediction recorded, and keeps what happened.
int run_recorded(const lesson_entry& lesson, const std::vector<std::string>& extra)
{
  const auto record = std::filesystem::temp_directory_path() / fmt::format("asynclab-{}-{}", getpid(), lesson.stem);
  std::vector<std::string> command{lesson.executable.string(), "--record", record.string()};
  command.insert(command.end(), extra.begin(), extra.end());
  const int exit_code = run_in_terminal(command);

  int answer = 0, correct = 0;
  std::ifstream recorded(record);
  std::string word;
  while (recorded >> word) {
    if (word == "answer") recorded >> answer;
    if (word == "correct") recorded >> correct;
  }
  std::error_code ignored;
  std::filesystem::remove(record, ignored);

  if (exit_code == 0 || exit_code == 1) {  // the lesson ran to its verdict
    auto saved = load_progress();
    auto& mine = saved.lessons[lesson.stem];
    mine.done = true;
    if (answer > 0) mine.prediction = answer == correct ? 1 : -1;
    save_progress(saved);
  }
  return exit_code;
}

/// Shows the next hint of the lesson and remembers it. \returns false when the page has none.
bool show_next_hint(const lesson_entry& lesson)
{
  auto saved = load_progress();  // first, so that a broken progress file is always reported
  const auto hints = hints_of(page_of(lesson));
  if (hints.empty()) {
    fmt::print("Lesson {} has no hints yet (its page, docs/lessons/{}.md, has no \"### Hints\" list); "
               "`asynclab explain {}` shows the whole page.\n",
               lesson.number, lesson.stem, lesson.number);
    return false;
  }
  auto& seen = saved.lessons[lesson.stem].hints;
  const bool all_seen = seen >= static_cast<int>(hints.size());
  seen = std::min(seen + 1, static_cast<int>(hints.size()));
  fmt::print("Hint {} of {}: {}\n", seen, hints.size(), hints[seen - 1]);
  if (all_seen) fmt::print("That was the last hint; `asynclab explain {}` shows the whole page.\n", lesson.number);
  save_progress(saved);
  return true;
}

void print_page(const lesson_entry& lesson)
{
  const auto page = page_of(lesson);
  if (!std::filesystem::exists(page)) throw bad_input(fmt::format("lesson {} has no page ({})", lesson.number, page.string()));
  fmt::print("{}", terminal_text(page));
}

/// The end of the course: how the student did.
void print_finished(const progress& saved)
{
  int right = 0, predicted = 0, solved = 0;
  for (const auto& lesson : lessons()) {
    const auto found = saved.lessons.find(lesson.stem);
    if (found == saved.lessons.end()) continue;
    right += found->second.prediction > 0;
    predicted += found->second.prediction != 0;
    solved += found->second.solved;
  }
  fmt::print("You have finished every lesson of asynclab.\n");
  fmt::print("Predictions right: {} of {} ({} predicted). Exercises solved: {} of {}.\n", right, lessons().size(),
             predicted, solved, lessons().size());
  if (solved < static_cast<int>(lessons().size()))
    fmt::print("Next: fix a pitfall yourself with `asynclab exercise NN`; `asynclab list` shows which are open.\n");
  fmt::print("`asynclab reset` starts over.\n");
}

bool all_done(const progress& saved)
{
  for (const auto& lesson : lessons()) {
    const auto found = saved.lessons.find(lesson.stem);
    if (found == saved.lessons.end() || !found->second.done) return false;
  }
  return true;
}

/// Without a terminal: every lesson, in order, asking nothing.
int run_every_lesson()
{
  int worst = 0;
  for (const auto& lesson : lessons())
    worst = std::max(worst, run_in_terminal({lesson.executable.string(), "--no-prompt"}));
  return worst;
}

int take_tour(arguments args)
{
  if (wants_help(args)) {
    fmt::print("Usage: asynclab [tour]\n\nTakes the lessons one at a time, starting at the first one not yet done.\n"
               "After each lesson: Enter goes on, r repeats it, h gives a hint, e explains it, q quits.\n"
               "Without a terminal it runs every lesson in order and asks nothing.\n");
    return 0;
  }
  if (args.size() > 1) throw bad_input("usage: asynclab tour");
  if (!isatty(STDIN_FILENO)) return run_every_lesson();

  const auto& all = lessons();
  auto saved = load_progress();
  std::size_t at = 0;
  while (at < all.size() && saved.lessons[all[at].stem].done) ++at;
  if (at == all.size()) {
    print_finished(saved);
    return 0;
  }
  if (at > 0) fmt::print("Welcome back: you have done {} of {} lessons.\n", at, all.size());

  bool run_it = true;
  while (at < all.size()) {
    const auto& lesson = all[at];
    if (run_it) {
      fmt::print("\n── asynclab tour: lesson {} ({} of {}) ──\n\n", lesson.number, at + 1, all.size());
      std::fflush(stdout);
      run_recorded(lesson, {});
    }
    fmt::print("\nEnter: next lesson   r: repeat   h: hint   e: explain   x: exercise   q: quit\n> ");
    std::fflush(stdout);
    const auto key = read_line();
    run_it = key.empty() || key == "n" || key == "r";
    if (key.empty() || key == "n") {
      ++at;
    } else if (key == "h") {
      show_next_hint(lesson);
    } else if (key == "e") {
      print_page(lesson);
    } else if (key == "x") {
      fmt::print("Start the exercise with `asynclab exercise {}`: you fix a copy of the pitfall and the lesson's "
                 "tests judge it.\n", lesson.number);
    } else if (key == "q") {
      fmt::print("Your progress is saved in {}; `asynclab` continues where you stopped.\n", progress_file().string());
      return 0;
    } else if (key != "r") {
      fmt::print("Press Enter, or type r, h, e, x or q.\n");
    }
  }
  saved = load_progress();
  if (all_done(saved)) {
    fmt::print("\n");
    print_finished(saved);
  } else {
    fmt::print("\nThat was the last lesson; `asynclab list` shows the ones you skipped.\n");
  }
  return 0;
}

std::string status_of(const progress& saved, const lesson_entry& lesson)
{
  const auto found = saved.lessons.find(lesson.stem);
  if (found == saved.lessons.end()) return "new";
  const auto& mine = found->second;
  std::vector<std::string> words;
  words.emplace_back(mine.done ? "done" : "started");
  if (mine.prediction != 0) words.emplace_back(mine.prediction > 0 ? "predicted right" : "predicted wrong");
  if (mine.hints > 0) words.push_back(fmt::format("{} hint{}", mine.hints, mine.hints > 1 ? "s" : ""));
  if (mine.solved) words.emplace_back("exercise solved");
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

int list_lessons(arguments args)
{
  if (wants_help(args)) {
    fmt::print("Usage: asynclab list\n\nEvery lesson with its concept and your status.\n");
    return 0;
  }
  if (args.size() > 1) throw bad_input("usage: asynclab list");
  const auto saved = load_progress();
  for (const auto& lesson : lessons()) {
    const auto told = about_of(lesson);
    fmt::print("{}  {:<46} {}\n    {} -> {}\n", lesson.number, told.title, status_of(saved, lesson), told.pitfall_api,
               told.solution_api);
  }
  fmt::print("\nProgress: {}\n", progress_file().string());
  return 0;
}

int run_one(arguments args)
{
  if (args.size() < 2 || std::string_view(args[1]) == "--help") {
    fmt::print("Usage: asynclab run NN [the lesson's flags]\n\nRuns lesson NN and keeps your prediction; "
               "`asynclab run NN --help` after the number lists the lesson's flags.\n");
    return args.size() < 2 ? 2 : 0;
  }
  const auto& lesson = find_lesson(args[1]);
  load_progress();  // a broken progress file is reported before the lesson runs
  std::vector<std::string> extra;
  for (const char* arg : args.subspan(2)) extra.emplace_back(arg);
  return run_recorded(lesson, extra);
}

int give_hint(arguments args)
{
  if (wants_help(args)) {
    fmt::print("Usage: asynclab hint NN\n\nThe next hint for lesson NN's exercise, one more each time.\n");
    return 0;
  }
  return show_next_hint(lesson_argument(args, "asynclab hint NN")) ? 0 : 1;
}

int explain_lesson(arguments args)
{
  if (wants_help(args)) {
    fmt::print("Usage: asynclab explain NN\n\nLesson NN's page, with its code, in the terminal.\n");
    return 0;
  }
  print_page(lesson_argument(args, "asynclab explain NN"));
  return 0;
}

int reset_progress(arguments args)
{
  if (wants_help(args)) {
    fmt::print("Usage: asynclab reset [NN]\n\nForgets your progress in lesson NN, or in every lesson.\n");
    return 0;
  }
  if (args.size() > 2) throw bad_input("usage: asynclab reset [NN]");
  const auto path = progress_file();
  if (args.size() == 1) {
    std::filesystem::remove(path);  // works on a broken file too
    fmt::print("Forgot your progress ({}).\n", path.string());
    return 0;
  }
  const auto& lesson = find_lesson(args[1]);
  auto saved = load_progress();
  saved.lessons.erase(lesson.stem);
  save_progress(saved);
  fmt::print("Forgot your progress in lesson {}.\n", lesson.number);
  return 0;
}

}  // namespace

int tour(arguments args) { return reporting_bad_input(take_tour, args); }
int list(arguments args) { return reporting_bad_input(list_lessons, args); }
int run(arguments args) { return reporting_bad_input(run_one, args); }
int hint(arguments args) { return reporting_bad_input(give_hint, args); }
int explain(arguments args) { return reporting_bad_input(explain_lesson, args); }
int reset(arguments args) { return reporting_bad_input(reset_progress, args); }

}  // namespace asynclab::tool
