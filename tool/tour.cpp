#include "tool/tour.hpp"

#include "tool/catalogue.hpp"
#include "tool/colour.hpp"
#include "tool/docs_page.hpp"
#include "tool/exercise/commands.hpp"
#include "tool/hints.hpp"
#include "tool/pager.hpp"
#include "tool/process.hpp"
#include "tool/progress.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace asynclab::tool {
namespace {

std::string read_line()
{
  char buffer[256];
  if (!std::fgets(buffer, sizeof buffer, stdin)) return "q";  // end of input: stop, keep the progress
  std::string line(buffer);
  line.erase(0, line.find_first_not_of(" \t"));
  line.erase(line.find_last_not_of(" \t\r\n") + 1);
  return line;
}

/// What the lesson wrote with --record: the student's answer and the right one (0 when none).
std::pair<int, int> recorded_prediction(const std::filesystem::path& record)
{
  int answer = 0, correct = 0;
  std::ifstream recorded(record);
  for (std::string word; recorded >> word;) {
    if (word == "answer") recorded >> answer;
    if (word == "correct") recorded >> correct;
  }
  std::error_code ignored;
  std::filesystem::remove(record, ignored);
  return {answer, correct};
}

/// Runs a lesson in the terminal with its prediction recorded, and keeps what happened.
int run_recorded(const lesson_entry& lesson, const std::vector<std::string>& extra)
{
  const auto record = std::filesystem::temp_directory_path() / fmt::format("asynclab-{}-{}", getpid(), lesson.stem);
  std::vector<std::string> command{lesson.executable.string(), "--record", record.string()};
  command.insert(command.end(), extra.begin(), extra.end());
  const int exit_code = run_in_terminal(command);
  const auto [answer, correct] = recorded_prediction(record);
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
  load_progress();  // first, so that a broken progress file is always reported
  const auto hints = hints_for(lesson);
  if (hints.empty()) {
    fmt::print("Lesson {} has no hints yet (its page, docs/lessons/{}.md, has no \"### Hints\" list); "
               "`asynclab explain {}` shows the whole page.\n",
               lesson.number, lesson.stem, lesson.number);
    return false;
  }
  const bool all_seen = load_progress().lessons[lesson.stem].hints >= static_cast<int>(hints.size());
  const int seen = advance_hint(lesson, hints);
  fmt::print("Hint {} of {}: {}\n", seen, hints.size(), hints[static_cast<std::size_t>(seen) - 1]);
  if (all_seen) fmt::print("That was the last hint; `asynclab explain {}` shows the whole page.\n", lesson.number);
  return true;
}

void print_page(const lesson_entry& lesson)
{
  const auto page = page_of(lesson);
  if (!std::filesystem::exists(page))
    throw bad_input(fmt::format("lesson {} has no page ({})", lesson.number, page.string()));
  show_paged(terminal_text(page, 78));
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

/// The first lesson not yet done; lessons().size() when all are.
std::size_t first_not_done(const progress& saved)
{
  const auto& all = lessons();
  std::size_t at = 0;
  while (at < all.size() && saved.lessons.contains(all[at].stem) && saved.lessons.at(all[at].stem).done) ++at;
  return at;
}

/// Without a terminal: every lesson, in order, asking nothing.
int run_every_lesson()
{
  int worst = 0;
  for (const auto& lesson : lessons())
    worst = std::max(worst, run_in_terminal({lesson.executable.string(), "--no-prompt"}));
  return worst;
}

/// What the student chose after a lesson.
enum class next_step { next_lesson, repeat, stay, quit };

/// Ctrl-C ends the lesson with SIGINT, which the shell numbers 128 + 2.
constexpr int stopped_by_ctrl_c = 130;

next_step answer(const std::string& key, const lesson_entry& lesson, bool stopped)
{
  if (key.empty()) return stopped ? next_step::repeat : next_step::next_lesson;
  if (key == "n") return next_step::next_lesson;
  if (key == "r") return next_step::repeat;
  if (key == "q") return next_step::quit;
  if (key == "h") {
    show_next_hint(lesson);
  } else if (key == "e") {
    print_page(lesson);
  } else if (key == "x") {
    start_exercise(lesson.number, false);
  } else {
    fmt::print("Press Enter, or type {}h, e, x or q.\n", stopped ? "n, " : "r, ");
  }
  return next_step::stay;
}

/// Runs the lesson at `at`, then asks what next until the student moves on. \returns false
/// when the student quits.
bool tour_lesson(std::size_t at)
{
  const auto& lesson = lessons()[at];
  bool stopped = false;
  for (bool run_it = true;;) {
    if (run_it) {
      const auto heading =
          fmt::format("── asynclab tour: lesson {} ({} of {}) ──", lesson.number, at + 1, lessons().size());
      fmt::print("\n{}\n\n", painted(heading, tone::heading));
      std::fflush(stdout);
      stopped = run_recorded(lesson, {}) == stopped_by_ctrl_c;
    }
    if (stopped)
      fmt::print("\nLesson {} was stopped (Ctrl-C) and is not marked done.\n"
                 "Enter: run it again   n: next lesson   h: hint   e: explain   x: exercise   q: quit\n> ",
                 lesson.number);
    else
      fmt::print("\nEnter: next lesson   r: repeat   h: hint   e: explain   x: exercise   q: quit\n> ");
    std::fflush(stdout);
    const auto step = answer(read_line(), lesson, stopped);
    if (step == next_step::next_lesson) return true;
    if (step == next_step::quit) return false;
    run_it = step == next_step::repeat;
  }
}

void print_tour_end()
{
  const auto saved = load_progress();
  if (first_not_done(saved) == lessons().size()) {
    fmt::print("\n");
    print_finished(saved);
  } else {
    fmt::print("\nThat was the last lesson; `asynclab list` shows the ones you skipped.\n");
  }
}

}  // namespace

int take_tour()
{
  if (!isatty(STDIN_FILENO)) return run_every_lesson();
  const auto saved = load_progress();
  auto at = first_not_done(saved);
  if (at == lessons().size()) {
    print_finished(saved);
    return 0;
  }
  if (at > 0) fmt::print("Welcome back: you have done {} of {} lessons.\n", at, lessons().size());
  for (; at < lessons().size(); ++at) {
    if (tour_lesson(at)) continue;
    fmt::print("Your progress is saved in {}; `asynclab` continues where you stopped.\n", progress_file().string());
    return 0;
  }
  print_tour_end();
  return 0;
}

int run_lesson(std::string_view number, const std::vector<std::string>& lesson_flags)
{
  const auto& lesson = lesson_numbered(number);
  load_progress();  // a broken progress file is reported before the lesson runs
  return run_recorded(lesson, lesson_flags);
}

int give_hint(std::string_view number) { return show_next_hint(lesson_numbered(number)) ? 0 : 1; }

int explain_lesson(std::string_view number)
{
  print_page(lesson_numbered(number));
  return 0;
}

int reset_progress(std::string_view number)
{
  const auto path = progress_file();
  if (number.empty()) {
    if (isatty(STDIN_FILENO)) {  // a script resets without asking; a student is asked first
      fmt::print("Forget your progress in every lesson ({})? Type y to confirm: ", path.string());
      std::fflush(stdout);
      if (read_line() != "y") {
        fmt::print("Kept your progress.\n");
        return 0;
      }
    }
    std::filesystem::remove(path);  // works on a broken file too
    fmt::print("Forgot your progress ({}).\n", path.string());
    return 0;
  }
  const auto& lesson = lesson_numbered(number);
  auto saved = load_progress();
  saved.lessons.erase(lesson.stem);
  save_progress(saved);
  fmt::print("Forgot your progress in lesson {}.\n", lesson.number);
  return 0;
}

}  // namespace asynclab::tool
