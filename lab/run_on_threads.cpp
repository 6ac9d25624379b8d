#include "lab/run_on_threads.hpp"

#include "lab/timeline.hpp"

#include <exception>
#include <latch>
#include <mutex>
#include <thread>
#include <vector>

namespace lab {

threads_run run_on_threads(int threads, const std::function<void(boost::asio::io_context&)>& start)
{
  boost::asio::io_context loop(threads);
  start(loop);

  std::mutex failure_mutex;
  std::exception_ptr failure;
  const auto began = clock::now();
  {
    // Every thread waits until all have started, so that none has run the work alone before the
    // last one exists, however long a busy machine takes to start a thread.
    std::latch started(threads);
    std::vector<std::jthread> pool;
    pool.reserve(static_cast<std::size_t>(threads));
    for (int thread = 0; thread < threads; ++thread)
      pool.emplace_back([&] {
        started.arrive_and_wait();
        try {
          loop.run();
        } catch (...) {
          // Stop the other threads too: the run cannot finish as planned.
          const std::lock_guard lock(failure_mutex);
          if (!failure) failure = std::current_exception();
          loop.stop();
        }
      });
  }
  const threads_run run{.wall = clock::now() - began};
  if (failure) std::rethrow_exception(failure);
  return run;
}

}  // namespace lab
