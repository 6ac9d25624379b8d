#pragma once
/// \file
/// Latencies: how long each of many operations took, and their percentiles (p50, p99).

#include <chrono>
#include <vector>

namespace lab {

/// How long each of many operations took, for the percentiles a service is judged by.
///
/// One thread adds to it (a client's loop); read it once the operations are done.
///
/// ```cpp
/// lab::latencies took;
/// took.add(lab::clock::now() - start);  // in each request
/// took.percentile(99);                  // 99 % of the requests took at most this long
/// ```
class latencies {
 public:
  /// One more operation, which took `took`.
  void add(std::chrono::nanoseconds took) { all_.push_back(took); }

  /// How many operations were added.
  int count() const { return static_cast<int>(all_.size()); }

  /// The nearest-rank percentile: the shortest latency that `percent` % of the operations do not
  /// exceed (`percentile(50)` is the median, `percentile(100)` the longest). 0 when there are none.
  std::chrono::nanoseconds percentile(double percent) const;

  /// The mean: what each operation took on average, so that `count()` of them one after another
  /// take `count()` x mean. 0 when there are none.
  std::chrono::nanoseconds mean() const;

  /// How many operations took `bound` or longer.
  int at_least(std::chrono::nanoseconds bound) const;

 private:
  std::vector<std::chrono::nanoseconds> all_;
};

}  // namespace lab
