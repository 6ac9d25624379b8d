// Lesson 14's solution in the form of its plainest pitfall, for ThreadSanitizer: the same plain
// int, its handlers on one strand, which runs them one at a time. The sanitizer stays silent.

#include "lab/undefined.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include <chrono>
#include <thread>
#include <vector>

namespace asio = boost::asio;

// [undefined]
void lab_undefined::solution()
{
  asio::io_context loop;
  auto stock_strand = asio::make_strand(loop);
  int stock = 16;
  for (int order = 0; order < 16; ++order)
    asio::post(stock_strand, [&stock] {
      const int left = stock;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      stock = left - 1;
    });

  std::vector<std::jthread> threads;
  for (int thread = 0; thread < 4; ++thread) threads.emplace_back([&loop] { loop.run(); });
}
// [undefined]
