#include "lab/debug/stall_watch.hpp"

#include "lab/debug/mode.hpp"
#include "lab/debug/stack.hpp"

#include <fmt/format.h>

#include <execinfo.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace lab::debug {
namespace {

using watch_clock = std::chrono::steady_clock;

std::int64_t ticks_now() { return watch_clock::now().time_since_epoch().count(); }

// The one stack sample being taken: the signal handler fills it, the watchdog that sent the
// signal reads it. Sampling takes a mutex, so there is one at a time.
constexpr int most_frames = 64;
void* sampled_frames[most_frames];
std::atomic<int> sampled_depth{-1};

extern "C" void lab_debug_record_stack(int)
{
  const int saved = errno;
  // The watchdog read the last sample before it reset the depth and sent this signal: reading the
  // depth here orders that read before this write (ThreadSanitizer sees the order too).
  if (sampled_depth.load(std::memory_order_acquire) >= 0) return;
  sampled_depth.store(backtrace(sampled_frames, most_frames), std::memory_order_release);
  errno = saved;
}

void install_sampler_once()
{
  static const bool installed = [] {
    // backtrace loads libgcc on its first call, which is not safe in a signal handler: call it now.
    void* warm_up[2];
    backtrace(warm_up, 2);
    struct sigaction action {};
    action.sa_handler = lab_debug_record_stack;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // a read or write the signal interrupts carries on
    return sigaction(SIGURG, &action, nullptr) == 0;
  }();
  (void)installed;
}

/// The stack of `thread`, innermost first, without the signal handler's own frame; empty when
/// the thread did not answer within 200 ms.
std::vector<void*> stack_of(pthread_t thread)
{
  static std::mutex one_at_a_time;
  std::lock_guard lock(one_at_a_time);
  sampled_depth.store(-1);
  if (pthread_kill(thread, SIGURG) != 0) return {};
  for (int waited = 0; waited < 200 && sampled_depth.load(std::memory_order_acquire) < 0; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const int depth = sampled_depth.load(std::memory_order_acquire);
  if (depth <= 1) return {};
  return std::vector<void*>(sampled_frames + 1, sampled_frames + depth);
}

/// The finding for a stall of `length` whose stack was `stack`.
finding slow_handler(std::chrono::nanoseconds length, const std::vector<void*>& stack)
{
  const auto frames = symbolise(stack);
  finding found{.what = kind::slow_handler,
                .detail = fmt::format("held the loop {} ms",
                                      std::chrono::duration_cast<std::chrono::milliseconds>(length).count()),
                .where = {},
                .task = {}};
  const auto culprit = culprit_of(frames);
  if (culprit == frames.size()) return found;
  found.where = where_of(frames[culprit]);
  // The task: the outermost of the callers in the lesson's own code, right above the culprit. A
  // coroutine is resumed by Asio, so that is the coroutine whose step it was.
  for (auto caller = culprit + 1; caller < frames.size(); ++caller) {
    const auto file = frames[caller].project_file();
    if (file.empty() || file.rfind("lab/", 0) == 0) break;
    if (frames[caller].short_name() != frames[culprit].short_name()) found.task = frames[caller].short_name();
  }
  return found;
}

}  // namespace

struct stall_watch::state {
  explicit state(std::chrono::nanoseconds threshold_)
      : threshold(threshold_), period(std::max<std::chrono::nanoseconds>(threshold_ / 20, std::chrono::milliseconds(1)))
  {
  }

  void watch()
  {
    std::unique_lock lock(mutex);
    std::int64_t sampled_from = 0;  // the beat before the stall being sampled; 0 when none
    std::vector<void*> stack;
    auto next = watch_clock::now() + threshold;
    for (;;) {
      woken.wait_until(lock, next, [&] { return stopping; });
      const auto now = watch_clock::now();
      if (sampled_from != 0) {
        // The stall sampled ended when the loop beat again: that beat recorded the gap. A loop
        // stopped in the middle of one is reported as it stands.
        const bool ended = gap_from.load(std::memory_order_acquire) == sampled_from;
        if (!ended && !stopping) {
          next = now + period;
          continue;
        }
        const auto due = watch_clock::time_point(watch_clock::duration(sampled_from)) + period;
        const auto late = ended ? watch_clock::time_point(watch_clock::duration(gap_to.load())) - due : now - due;
        name_later(std::chrono::duration_cast<std::chrono::nanoseconds>(late), std::exchange(stack, {}));
        sampled_from = 0;
      }
      if (stopping) return;
      const auto last = last_beat.load();
      const auto due = watch_clock::time_point(watch_clock::duration(last)) + period;
      if (beating.load() && now - due >= threshold) {
        sampled_from = last;
        lock.unlock();
        stack = stack_of(loop_thread);
        lock.lock();
        next = now + period;
        continue;
      }
      next = std::max(due + threshold, now + period);
    }
  }

  // Naming a stack starts addr2line, which takes long enough to miss the next stall: another
  // thread does it, started at the first stall, while the watchdog watches on.
  void name_later(std::chrono::nanoseconds late, std::vector<void*> stack)
  {
    std::lock_guard lock(naming);
    unnamed.emplace_back(late, std::move(stack));
    if (!namer.joinable()) namer = std::thread([this] { name_all(); });
    naming_woken.notify_one();
  }

  void name_all()
  {
    std::unique_lock lock(naming);
    for (;;) {
      naming_woken.wait(lock, [&] { return !unnamed.empty() || naming_done; });
      if (unnamed.empty()) return;
      auto [late, stack] = std::move(unnamed.front());
      unnamed.pop_front();
      lock.unlock();
      report(slow_handler(late, stack));
      lock.lock();
    }
  }

  std::chrono::nanoseconds threshold;
  std::chrono::nanoseconds period;
  std::atomic<std::int64_t> last_beat{0};  // clock ticks; the watch's start before the first beat
  // The latest stall, as the beat that ended it saw it: from the beat before, to itself.
  std::atomic<std::int64_t> gap_from{0};
  std::atomic<std::int64_t> gap_to{0};
  pthread_t loop_thread{};
  std::atomic<bool> beating{true};  // false after the last beat: nothing more to watch
  std::mutex mutex;
  std::condition_variable woken;
  bool stopping = false;  // guarded by mutex
  std::thread watchdog;
  std::mutex naming;
  std::condition_variable naming_woken;
  std::deque<std::pair<std::chrono::nanoseconds, std::vector<void*>>> unnamed;  // guarded by naming
  bool naming_done = false;                                                    // guarded by naming
  std::thread namer;                                                           // guarded by naming
};

stall_watch::stall_watch()
    : state_(std::make_unique<state>(std::chrono::duration_cast<std::chrono::nanoseconds>(slow_threshold())))
{
  install_sampler_once();
  state_->loop_thread = pthread_self();
  state_->last_beat = ticks_now();
  state_->watchdog = std::thread([s = state_.get()] { s->watch(); });
}

stall_watch::~stall_watch()
{
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  state_->woken.notify_all();
  state_->watchdog.join();
  {
    std::lock_guard lock(state_->naming);
    state_->naming_done = true;
  }
  state_->naming_woken.notify_all();
  if (state_->namer.joinable()) state_->namer.join();
}

void stall_watch::beat()
{
  auto& s = *state_;
  const auto now = ticks_now();
  const auto previous = s.last_beat.exchange(now);
  if (std::chrono::nanoseconds(now - previous) - s.period >= s.threshold) {
    s.gap_to.store(now);
    s.gap_from.store(previous, std::memory_order_release);
  }
}

void stall_watch::last_beat()
{
  beat();
  state_->beating = false;
}

std::chrono::nanoseconds stall_watch::period() const { return state_->period; }

}  // namespace lab::debug
