// Lesson 14's pitfall in its plainest form, for ThreadSanitizer: the stock is a plain int, and
// the loop's threads read and write it from handlers that run at the same moment. That is a data
// race, undefined behaviour; only the sanitizer's child process runs it.

#include "lab/undefined.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <chrono>
#include <thread>
#include <vector>

namespace asio = boost::asio;

// [undefined]
void lab_undefined::pitfall()
{
  asio::io_context loop;
  int stock = 16;
  for (int order = 0; order < 16; ++order)
    asio::post(loop, [&stock] {
      const int left = stock;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      stock = left - 1;
    });

  std::vector<std::jthread> threads;
  for (int thread = 0; thread < 4; ++thread) threads.emplace_back([&loop] { loop.run(); });
}
// [undefined]
