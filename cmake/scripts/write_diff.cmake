# cmake -DSTEM=<NN_name> -DOUT=<file> -P write_diff.cmake, from the source folder.
# Writes the unified diff between a lesson's pitfall and its solution: the lesson's one idea.
execute_process(
  COMMAND diff -u --label pitfalls/${STEM}.cpp --label solutions/${STEM}.cpp
          pitfalls/${STEM}.cpp solutions/${STEM}.cpp
  OUTPUT_FILE ${OUT}
  RESULT_VARIABLE result)
# diff exits 1 when the files differ, which they must; 2 means trouble.
if(NOT result EQUAL 1)
  message(FATAL_ERROR "diff of lesson ${STEM} failed (${result}): the pitfall and the solution must both exist and differ")
endif()
