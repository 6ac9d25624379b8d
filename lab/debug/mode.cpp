#include "lab/debug/mode.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string_view>

namespace lab::debug {
namespace {

/// Whether the environment asks for the debug mode, as PYTHONASYNCIODEBUG does.
bool asked_by_environment()
{
  const char* value = std::getenv("ASYNCLAB_DEBUG");
  return value && std::string_view(value) != "" && std::string_view(value) != "0";
}

struct switches {
  std::atomic<bool> on{asked_by_environment()};
  std::atomic<long long> slow_ms{default_slow.count()};
  std::atomic<bool> printing{true};
  std::mutex mutex;
  std::vector<finding> found;  // guarded by mutex
};

switches& the_switches()
{
  static switches state;
  return state;
}

}  // namespace

const char* name_of(kind what)
{
  switch (what) {
    case kind::slow_handler: return "slow handler";
    case kind::dropped_exception: return "dropped exception";
    case kind::pending_work: return "pending work";
    case kind::wrong_thread: return "wrong thread";
  }
  return "finding";
}

std::string finding::line() const
{
  auto text = fmt::format("asynclab debug: {}: {}", name_of(what), detail);
  if (!where.empty()) text += " in " + where;
  if (!task.empty()) text += ", task " + task;
  return text;
}

bool on() { return the_switches().on.load(std::memory_order_relaxed); }

std::chrono::milliseconds slow_threshold() { return std::chrono::milliseconds(the_switches().slow_ms.load()); }

void switch_on(std::chrono::milliseconds slow)
{
  the_switches().slow_ms = slow.count();
  the_switches().on = true;
}

void switch_off() { the_switches().on = false; }

void report(finding found)
{
  auto& state = the_switches();
  if (state.printing) {
    fmt::print(stderr, "{}\n", found.line());
    std::fflush(stderr);
  }
  std::lock_guard lock(state.mutex);
  state.found.push_back(std::move(found));
}

std::vector<finding> findings()
{
  auto& state = the_switches();
  std::lock_guard lock(state.mutex);
  return state.found;
}

std::vector<finding> of_kind(const std::vector<finding>& all, kind what)
{
  std::vector<finding> chosen;
  for (const auto& found : all)
    if (found.what == what) chosen.push_back(found);
  return chosen;
}

session::session(std::chrono::milliseconds slow, printing print)
    : first_(debug::findings().size()), was_on_(on()), was_printing_(the_switches().printing), was_slow_(slow_threshold())
{
  the_switches().printing = print == printed || (print == as_asked && was_on_ && was_printing_);
  switch_on(slow);
}

session::~session()
{
  auto& state = the_switches();
  state.printing = was_printing_;
  state.slow_ms = was_slow_.count();
  state.on = was_on_;
}

std::vector<finding> session::findings() const
{
  auto all = debug::findings();
  return {all.begin() + static_cast<std::ptrdiff_t>(std::min(first_, all.size())), all.end()};
}

}  // namespace lab::debug
