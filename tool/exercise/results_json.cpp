// The only file of the exercise mode that sees Boost.JSON.
#include "tool/exercise/check_result.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace asynclab::tool {

std::string results_json(const check_result& result)
{
  namespace json = boost::json;
  json::array tests;
  for (const auto& test : result.tests) {
    json::object entry{{"name", test.name}, {"status", test.passed ? "pass" : "fail"}};
    if (!test.passed) entry["message"] = test.message;
    tests.push_back(std::move(entry));
  }
  json::object results{{"version", 2}, {"status", result.status}};
  if (result.status == "error") results["message"] = result.message;
  results["tests"] = std::move(tests);
  return json::serialize(results) + "\n";
}

}  // namespace asynclab::tool
