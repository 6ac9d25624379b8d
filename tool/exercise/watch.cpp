// `asynclab watch NN`: a check on every save.
#include "tool/exercise/commands.hpp"

#include "tool/exercise/check.hpp"
#include "tool/exercise/files.hpp"

#include <fmt/format.h>

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cstdio>
#include <thread>

namespace asynclab::tool {
namespace {

namespace fs = std::filesystem;

/// What changes when the student saves: the time and the size of the file.
std::pair<fs::file_time_type, std::uintmax_t> stamp_of(const fs::path& file)
{
  std::error_code missing;
  return {fs::last_write_time(file, missing), fs::file_size(file, missing)};
}

/// File events on the exercise's folder, or -1 to poll.
int watch_events(const fs::path& file, bool poll_only)
{
  if (poll_only) return -1;
  const int events = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (events >= 0)
    inotify_add_watch(events, file.parent_path().c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB);
  return events;
}

/// Waits until the file's stamp differs from `stamp`. File events wake us at once; the
/// half-second timeout is the fallback that always works.
void wait_for_change(const fs::path& file, int events, const std::pair<fs::file_time_type, std::uintmax_t>& stamp)
{
  while (stamp_of(file) == stamp) {
    pollfd waiting{events, POLLIN, 0};
    if (events >= 0 && poll(&waiting, 1, 500) > 0) {
      char drained[4096];
      while (read(events, drained, sizeof drained) > 0) {}
    } else if (events < 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let the editor finish writing
}

void check_once(const lesson_entry& lesson, const fs::path& file)
{
  fmt::print("\nChecking {} with lesson {}'s solution tests...\n", shown(file), lesson.number);
  std::fflush(stdout);
  try {
    print_check_result(lesson, check_exercise_file(lesson));
  } catch (const bad_input& error) {
    fmt::print("{}\n", error.what());
  }
}

}  // namespace

int watch_exercise(std::string_view number, bool poll_only)
{
  const auto& lesson = lesson_numbered(number);
  const auto file = existing_exercise_file(lesson);
  const int events = watch_events(file, poll_only);
  for (;;) {
    const auto stamp = stamp_of(file);
    check_once(lesson, file);
    fmt::print("Watching {} ({}): save it to check again; Ctrl-C stops.\n", shown(file),
               events >= 0 ? "file events" : "polling");
    std::fflush(stdout);
    wait_for_change(file, events, stamp);
  }
}

}  // namespace asynclab::tool
