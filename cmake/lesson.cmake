# asynclab_add_lesson(<number> <name>) wires the parts of lesson <number>_<name>:
#
#   lesson_<number>            library: pitfalls/<stem>.cpp and solutions/<stem>.cpp, the only
#                              files of a lesson that see Asio (they reuse lab_asio's PCH)
#   lesson_<stem>              the executable a student runs: lessons/<stem>.cpp, in bin/
#   test_<stem>                Catch2 tests: tests/<stem>.cpp, each TEST_CASE a ctest test
#   asynclab_benchmarks        gains benchmarks/<stem>.cpp
#   docs                       runs the lesson to write docs/generated/<stem>.numbers.md
#   <stem>/cli/...             the command-line checks of cmake/reliability.cmake
#
# The lesson main, the test and the benchmark see only lessons/<stem>.hpp and lab/.
# cmake/exercise.cmake adds the lesson's exercise recipe and its exercise tests.
include(exercise)

function(asynclab_add_lesson number name)
  set(stem ${number}_${name})

  add_library(lesson_${number} STATIC pitfalls/${stem}.cpp solutions/${stem}.cpp)
  target_link_libraries(lesson_${number} PUBLIC lab PRIVATE lab_asio)
  if(ASYNCLAB_PCH)
    target_precompile_headers(lesson_${number} REUSE_FROM lab_asio)
  endif()

  add_executable(lesson_${stem} lessons/${stem}.cpp)
  target_link_libraries(lesson_${stem} PRIVATE lesson_${number})

  add_executable(test_${stem} tests/${stem}.cpp)
  target_link_libraries(test_${stem} PRIVATE lesson_${number} catch_main)
  catch_discover_tests(test_${stem} TEST_PREFIX "${stem}/" PROPERTIES LABELS "lesson;${number}")
  asynclab_add_cli_checks(${stem})

  target_sources(asynclab_benchmarks PRIVATE benchmarks/${stem}.cpp)
  target_link_libraries(asynclab_benchmarks PRIVATE lesson_${number})

  set_property(GLOBAL APPEND PROPERTY ASYNCLAB_LESSONS ${stem})
  asynclab_add_exercise(${number} ${name})
endfunction()

# The `run` target: every lesson, one after the other, in the terminal.
function(asynclab_add_run_target)
  get_property(lessons GLOBAL PROPERTY ASYNCLAB_LESSONS)
  set(commands "")
  foreach(stem IN LISTS lessons)
    list(APPEND commands COMMAND lesson_${stem})
  endforeach()
  add_custom_target(run ${commands} USES_TERMINAL COMMENT "Running every lesson")
endfunction()
