# The promises every lesson executable keeps, checked the same way for each lesson by
# tests/lesson_cli_check.cpp, which reads the lesson's parameters from its hidden --parameters:
#   <stem>/cli/bad input   bad values, unknown flags, missing values, unwritable paths: exit 2, one line
#   <stem>/cli/defaults    the default scenario shows the lesson within 20 s
#   <stem>/cli/smallest    every parameter at its minimum finishes within 10 s
#   <stem>/cli/largest     each parameter at the largest accepted value finishes within 30 s
# Sanitizer and Debug builds run processor-bound lessons several times slower, so there every
# limit is three times as long, five under ThreadSanitizer (ASYNCLAB_TIME_SCALE).

add_executable(lesson_cli_check ${PROJECT_SOURCE_DIR}/tests/lesson_cli_check.cpp)
target_link_libraries(lesson_cli_check PRIVATE fmt::fmt)
if("thread" IN_LIST ASYNCLAB_SANITIZER)
  target_compile_definitions(lesson_cli_check PRIVATE ASYNCLAB_TIME_SCALE=5)  # lesson 04's three largest runs: 130 s under tsan here
elseif(ASYNCLAB_SANITIZER OR CMAKE_BUILD_TYPE STREQUAL "Debug")
  target_compile_definitions(lesson_cli_check PRIVATE ASYNCLAB_TIME_SCALE=3)
endif()

function(asynclab_add_cli_checks stem)
  foreach(check IN ITEMS bad-input defaults smallest largest)
    string(REPLACE "-" " " name ${check})
    add_test(NAME "${stem}/cli/${name}" COMMAND lesson_cli_check $<TARGET_FILE:lesson_${stem}> ${check})
    set_tests_properties("${stem}/cli/${name}" PROPERTIES LABELS "lesson;cli;${stem}" TIMEOUT 900)
  endforeach()
endfunction()
