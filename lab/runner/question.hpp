#pragma once
/// \file
/// The prediction: the question as the student sees it, the prompt, and what the verdict says of
/// the answer.

#include "lab/lesson.hpp"
#include "lab/runner/terminal.hpp"

#include <string>
#include <string_view>

namespace lab::runner {

/// The question as shown: answers with the same text once (the right one kept), and the right
/// answer moved to a place of the lesson's own (its number modulo the number of answers), so
/// that a class sees the same screen and the right answer is not always in the same place.
question settled(question asked, std::string_view lesson_number);

/// Asks on the terminal until the student picks an answer or skips.
/// \returns the 1-based answer, or 0 when the student pressed Enter or closed the input.
int ask(const question& asked, const terminal& out);

/// After the run: "You predicted 2) about 1 s: right (each sleep holds the only thread)." and,
/// when the answer was wrong or missing, "Answer: 1) ...: why". Wrapped to the terminal.
std::string judged_prediction(const question& asked, int answer, const terminal& out);

}  // namespace lab::runner
