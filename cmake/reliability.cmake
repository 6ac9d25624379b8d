# The promises every lesson executable keeps, checked the same way for each lesson by
# tests/lesson_cli_check.cpp (built in tests/CMakeLists.txt), which reads the lesson's parameters
# from its hidden --parameters:
#   <stem>/cli/bad input   bad values, unknown flags, missing values, unwritable paths: exit 2, one line
#   <stem>/cli/defaults    the default scenario shows the lesson within 20 s
#   <stem>/cli/smallest    every parameter at its minimum finishes within 10 s
#   <stem>/cli/largest     each parameter at the largest accepted value finishes within 30 s
#                          (release and debug builds only: label `largest`)
#   <stem>/cli/prediction and width   distinct choices over the parameter range, a story that does
#                          not give the answer away, --help and a run within 80 columns
#                          (cmake/scripts/lesson_predictions.cmake)
# and, over every lesson, that the right answer is not always in the same place
# (asynclab_add_lesson_set_checks, cmake/scripts/answer_places.cmake).
# Sanitizer and Debug builds run processor-bound lessons several times slower, so there every
# limit is ASYNCLAB_TIME_SCALE times as long: 3, or 5 under ThreadSanitizer.

if("thread" IN_LIST ASYNCLAB_SANITIZER)
  set(ASYNCLAB_TIME_SCALE 5)
elseif(ASYNCLAB_SANITIZER OR CMAKE_BUILD_TYPE STREQUAL "Debug")
  set(ASYNCLAB_TIME_SCALE 3)
else()
  set(ASYNCLAB_TIME_SCALE 1)
endif()

function(asynclab_add_cli_checks stem)
  foreach(check IN ITEMS bad-input defaults smallest largest)
    string(REPLACE "-" " " name ${check})
    add_test(NAME "${stem}/cli/${name}" COMMAND lesson_cli_check $<TARGET_FILE:lesson_${stem}> ${check})
    set_tests_properties("${stem}/cli/${name}" PROPERTIES LABELS "lesson;cli;${stem}" TIMEOUT 900)
  endforeach()
  # The largest run proves a bound on time, which a sanitizer's slowdown only blurs, and the checks
  # labelled `text` read what a lesson prints: the sanitizer presets leave both out
  # (CMakePresets.json), and run the other checks.
  set_property(TEST "${stem}/cli/largest" APPEND PROPERTY LABELS largest)
  add_test(NAME "${stem}/cli/prediction and width"
    COMMAND ${CMAKE_COMMAND} -DLESSON=$<TARGET_FILE:lesson_${stem}> -P ${PROJECT_SOURCE_DIR}/cmake/scripts/lesson_predictions.cmake)
  set_tests_properties("${stem}/cli/prediction and width" PROPERTIES LABELS "lesson;cli;${stem};text" TIMEOUT 900)
endfunction()

# After the last lesson: the checks that look at every lesson together.
function(asynclab_add_lesson_set_checks)
  get_property(lessons GLOBAL PROPERTY ASYNCLAB_LESSONS)
  set(executables "")
  foreach(stem IN LISTS lessons)
    list(APPEND executables $<TARGET_FILE:lesson_${stem}>)
  endforeach()
  add_test(NAME "lessons/the right answer is not always in the same place"
    COMMAND ${CMAKE_COMMAND} "-DLESSONS=${executables}" -P ${PROJECT_SOURCE_DIR}/cmake/scripts/answer_places.cmake)
  set_tests_properties("lessons/the right answer is not always in the same place" PROPERTIES LABELS "lesson;cli;text")
  add_test(NAME "lessons/every lesson fits an 80x24 terminal"
    COMMAND bash ${PROJECT_SOURCE_DIR}/tests/lessons_in_80_columns.sh ${executables})
  set_tests_properties("lessons/every lesson fits an 80x24 terminal" PROPERTIES
    LABELS "lesson;cli;text" TIMEOUT 900 SKIP_RETURN_CODE 77)
endfunction()
