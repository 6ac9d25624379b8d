// The only file that sees Boost.PropertyTree.
#include "tool/exercise/catch2_results.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <fmt/format.h>

#include <sstream>

namespace asynclab::tool {
namespace {

namespace pt = boost::property_tree;

std::string attribute(const pt::ptree& element, const std::string& name)
{
  return element.get<std::string>("<xmlattr>." + name, "");
}

void add_line(std::string& message, const std::string& line) { message += (message.empty() ? "" : "\n") + line; }

/// Every failed check and thrown exception under `element`, sections included.
void collect_failures(const pt::ptree& element, std::string& message)
{
  for (const auto& [tag, child] : element) {
    if (tag == "Expression" && attribute(child, "success") == "false")
      add_line(message, fmt::format("{}({}) was {}", attribute(child, "type"), child.get<std::string>("Original", ""),
                                    child.get<std::string>("Expanded", "")));
    else if (tag == "Exception" || tag == "FatalErrorCondition")
      add_line(message, fmt::format("{}: {}", tag, child.data()));
    else if (tag == "Section")
      collect_failures(child, message);
  }
}

test_result test_of(const pt::ptree& test_case)
{
  test_result test{attribute(test_case, "name"), false, {}};
  test.passed = test_case.get<std::string>("OverallResult.<xmlattr>.success", "false") == "true";
  collect_failures(test_case, test.message);
  return test;
}

}  // namespace

std::vector<test_result> read_catch2_xml(const std::string& xml)
{
  pt::ptree report;
  try {
    std::istringstream in(xml);
    pt::read_xml(in, report, pt::xml_parser::trim_whitespace);
  } catch (const pt::xml_parser_error&) {
    return {};
  }
  std::vector<test_result> tests;
  const auto catch_report = report.get_child_optional("Catch");
  if (!catch_report) return tests;
  for (const auto& [tag, group] : *catch_report)
    if (tag == "Group")
      for (const auto& [kind, test_case] : group)
        if (kind == "TestCase") tests.push_back(test_of(test_case));
  return tests;
}

}  // namespace asynclab::tool
