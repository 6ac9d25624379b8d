// The main of every lesson's undefined program: `lesson_NN_name_undefined pitfall|solution`.
// Kept apart from the lesson runner so that it is small, and built with the lesson's sanitizer.

#include "lab/undefined.hpp"

#include <cstdio>
#include <string_view>

int main(int argc, char** argv)
{
  const std::string_view which = argc == 2 ? argv[1] : "";
  if (which == "pitfall") {
    lab_undefined::pitfall();
  } else if (which == "solution") {
    lab_undefined::solution();
  } else {
    std::fprintf(stderr, "%s: say pitfall or solution\n", argv[0]);
    return 2;
  }
  return 0;
}
