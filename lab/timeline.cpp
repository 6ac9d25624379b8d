#include "lab/timeline.hpp"

#include <atomic>

namespace lab {

int this_thread_number()
{
  static std::atomic<int> next{0};
  thread_local const int number = next++;
  return number;
}

timeline::timeline(std::string name, std::size_t expected_spans) : name_(std::move(name))
{
  spans_.reserve(expected_spans);
}

void timeline::record(int track, span_kind kind, clock::time_point start, clock::time_point end)
{
  const int thread = this_thread_number();
  std::lock_guard lock(mutex_);
  spans_.push_back({track, kind, thread, start, end});
}

std::vector<span> timeline::spans() const
{
  std::lock_guard lock(mutex_);
  return spans_;
}

}  // namespace lab
