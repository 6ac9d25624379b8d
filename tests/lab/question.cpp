#include "lab/runner/question.hpp"

#include <catch2/catch.hpp>

namespace {

lab::question three_choices(int correct)
{
  return {.text = "How long?", .choices = {{"a", "ra"}, {"b", "rb"}, {"c", "rc"}}, .correct = correct};
}

}  // namespace

TEST_CASE("the right answer moves to the lesson number's place among the answers", "[lab][question]")
{
  for (const auto& [number, place] : {std::pair{"00", 0}, {"01", 1}, {"02", 2}, {"03", 0}, {"17", 2}}) {
    const auto shown = lab::runner::settled(three_choices(1), number);
    INFO("lesson " << number);
    CHECK(shown.correct == place);
    CHECK(shown.choices.at(static_cast<std::size_t>(shown.correct)).text == "b");
    CHECK(shown.choices.size() == 3);
  }
}

TEST_CASE("the same lesson always shows the same order", "[lab][question]")
{
  const auto first = lab::runner::settled(three_choices(2), "05");
  const auto again = lab::runner::settled(three_choices(2), "05");
  CHECK(first.choices.front().text == again.choices.front().text);
  CHECK(first.correct == again.correct);
}

TEST_CASE("a wrong answer with the same text as the right one is shown once, as right", "[lab][question]")
{
  lab::question asked{.text = "How long?", .choices = {{"about 100 ms", "wrong"}, {"about 100 ms", "right"}, {"never", "no"}},
                      .correct = 1};
  const auto shown = lab::runner::settled(asked, "01");
  REQUIRE(shown.choices.size() == 2);
  CHECK(shown.choices.at(static_cast<std::size_t>(shown.correct)).reason == "right");
}

TEST_CASE("a wrong prediction is answered with the right one, wrapped after its prefix", "[lab][question]")
{
  const lab::runner::terminal out{.colour = false, .width = 40};
  const auto text = lab::runner::judged_prediction(three_choices(0), 2, out);
  CHECK(text.find("You predicted 2) b: wrong (rb).") == 0);
  CHECK(text.find("Answer: 1) a: ra.") != std::string::npos);
}

TEST_CASE("wrapping counts the prefix and never cuts a word", "[lab][terminal]")
{
  const auto text = lab::runner::wrapped("one two three four five six", 15, "Answer: ", "  ");
  CHECK(text == "Answer: one two\n  three four\n  five six");
  CHECK(lab::runner::widest_line(text) <= 15);
  CHECK(lab::runner::wrapped("unbreakable-word-longer-than-the-line", 10) == "unbreakable-word-longer-than-the-line");
}

TEST_CASE("a UTF-8 character takes one column", "[lab][terminal]")
{
  CHECK(lab::runner::columns("Lesson 01 · x") == 13);
}
