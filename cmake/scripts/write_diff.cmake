# cmake -DSTEM=<NN_name> -DOUT=<file> -P write_diff.cmake, from the source folder.
# Writes the unified diff between a lesson's pitfall and its solution: the lesson's one idea.
# The snippet markers (`// [tag]`, for the page's \snippet) are left out: they are not code.
foreach(role pitfalls solutions)
  file(READ ${role}/${STEM}.cpp text)
  string(REGEX REPLACE "(^|\n)[ \t]*// \\[[A-Za-z0-9_]+\\][ \t]*(\n|$)" "\\1" text "${text}")
  string(REGEX REPLACE "(^|\n)[ \t]*// \\[[A-Za-z0-9_]+\\][ \t]*(\n|$)" "\\1" text "${text}")  # adjacent ones
  file(WRITE ${OUT}.${role}.cpp "${text}")
endforeach()
execute_process(
  COMMAND diff -u --label pitfalls/${STEM}.cpp --label solutions/${STEM}.cpp
          ${OUT}.pitfalls.cpp ${OUT}.solutions.cpp
  OUTPUT_FILE ${OUT}
  RESULT_VARIABLE result)
file(REMOVE ${OUT}.pitfalls.cpp ${OUT}.solutions.cpp)
# diff exits 1 when the files differ, which they must; 2 means trouble.
if(NOT result EQUAL 1)
  message(FATAL_ERROR "diff of lesson ${STEM} failed (${result}): the pitfall and the solution must both exist and differ")
endif()
