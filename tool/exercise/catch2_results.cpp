// The only file that sees Boost.PropertyTree.
#include "tool/exercise/catch2_results.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "lab/format.hpp"

#include <fmt/format.h>

#include <regex>
#include <sstream>

namespace asynclab::tool {
namespace {

namespace pt = boost::property_tree;

std::string attribute(const pt::ptree& element, const std::string& name)
{
  return element.get<std::string>("<xmlattr>." + name, "");
}

/// `text` with the durations Catch2 prints in raw units ("501111151ns", "500ms") written the way
/// the lessons write them ("501 ms", "500 ms").
std::string readable_durations(const std::string& text)
{
  static const std::regex duration(R"((\d+)(ns|us|ms|s)\b)");
  std::string out;
  auto from = text.cbegin();
  for (std::sregex_iterator at(text.begin(), text.end(), duration), end; at != end; ++at) {
    const auto& found = *at;
    const double count = std::stod(found[1].str());
    const std::string unit = found[2].str();
    const double scale = unit == "ns" ? 1 : unit == "us" ? 1e3 : unit == "ms" ? 1e6 : 1e9;
    out.append(from, found[0].first).append(lab::human_duration(std::chrono::duration<double, std::nano>(count * scale)));
    from = found[0].second;
  }
  return out.append(from, text.cend());
}

/// A failed check as a student reads it. A lesson's claim (`CHECK(shows["claim"])`) is shown by
/// its evidence alone, which starts with the claim; any other check keeps its expression.
std::string failed_check(const std::string& type, const std::string& original, const std::string& expanded)
{
  const auto open = original.find("[\""), close = original.rfind("\"]");
  if (open != std::string::npos && close != std::string::npos && close > open) {
    const auto claim = original.substr(open + 2, close - open - 2);
    if (expanded.starts_with(claim)) return readable_durations(expanded);
  }
  return fmt::format("{}({}) was {}", type, original, readable_durations(expanded));
}

void add_line(std::string& message, const std::string& line) { message += (message.empty() ? "" : "\n") + line; }

/// Every failed check and thrown exception under `element`, sections included.
void collect_failures(const pt::ptree& element, std::string& message)
{
  for (const auto& [tag, child] : element) {
    if (tag == "Expression" && attribute(child, "success") == "false")
      add_line(message, failed_check(attribute(child, "type"), child.get<std::string>("Original", ""),
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
