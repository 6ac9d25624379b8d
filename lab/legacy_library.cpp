#include "lab/legacy_library.hpp"

#include <algorithm>

namespace lab {

legacy_library::legacy_library(std::chrono::nanoseconds blocks_for, timeline* spans)
    : blocks_for_(blocks_for), spans_(spans), home_(std::this_thread::get_id())
{
}

double legacy_library::quote(int item)
{
  const auto start = clock::now();
  std::this_thread::sleep_for(blocks_for_);
  const auto end = clock::now();
  if (spans_) spans_->record(item, span_kind::task, start, end);

  std::lock_guard lock(mutex_);
  callers_.push_back(std::this_thread::get_id());
  first_start_ = std::min(first_start_, start);
  last_end_ = std::max(last_end_, end);
  return 10.0 + item;
}

int legacy_library::calls() const
{
  std::lock_guard lock(mutex_);
  return static_cast<int>(callers_.size());
}

int legacy_library::calls_on_home_thread() const
{
  std::lock_guard lock(mutex_);
  return static_cast<int>(std::ranges::count(callers_, home_));
}

int legacy_library::threads_used() const
{
  std::lock_guard lock(mutex_);
  std::vector<std::thread::id> distinct = callers_;
  std::ranges::sort(distinct);
  return static_cast<int>(std::ranges::unique(distinct).begin() - distinct.begin());
}

std::chrono::nanoseconds legacy_library::busy() const
{
  std::lock_guard lock(mutex_);
  return callers_.empty() ? std::chrono::nanoseconds{0} : last_end_ - first_start_;
}

}  // namespace lab
