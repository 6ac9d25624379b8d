# asynclab_add_lesson(<number> <name> [PITFALLS <file>...] [SOLUTIONS <file>...]
#                     [UNDEFINED address|thread [REPORT <regex>]] [TIDY <check>...])
# wires the six parts of lesson <number>_<name> (<stem> below). Adding a lesson is this one line plus its files;
# docs/architecture.md has the checklist.
#
#   lesson_<number>_base   library: pitfalls/<stem>.cpp, the extra PITFALLS and SOLUTIONS files
#                          (other faces of the trap, other fixes the tests call): every file of the
#                          lesson but its solution. An exercise links a student's copy against it.
#   lesson_<number>        library: solutions/<stem>.cpp, on top of lesson_<number>_base. These
#                          are the only files of a lesson that see Asio (they reuse lab_asio's PCH).
#   lesson_<stem>          the executable a student runs: lessons/<stem>.cpp, in bin/
#   test_<stem>            Catch2 tests: tests/<stem>.cpp, each TEST_CASE a ctest test
#   asynclab_benchmarks    gains benchmarks/<stem>.cpp (when the benchmarks are built)
#   <stem>/cli/...         the command-line checks (cmake/reliability.cmake)
#   exercise/<stem>: ...   the exercise checks (cmake/exercise.cmake)
#   docs                   runs the lesson for its page (cmake/docs.cmake)
#   UNDEFINED              bin/lesson_<stem>_undefined, the undefined face under its sanitizer,
#                          with its tests (REPORT: what the report must say; cmake/catch_it.cmake)
#   TIDY                   a test that clang-tidy-19 flags the pitfall, not the solution
#   tests/serve/<stem>.py  if it exists: a test that drives `--serve` with real clients
#
# The lesson main, the test and the benchmark see only lessons/<stem>.hpp and lab/.

function(asynclab_add_lesson number name)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "UNDEFINED;REPORT" "PITFALLS;SOLUTIONS;TIDY")
  set(stem ${number}_${name})

  add_library(lesson_${number}_base STATIC pitfalls/${stem}.cpp ${arg_PITFALLS} ${arg_SOLUTIONS})
  add_library(lesson_${number} STATIC solutions/${stem}.cpp)
  target_link_libraries(lesson_${number} PUBLIC lesson_${number}_base)
  foreach(library lesson_${number}_base lesson_${number})
    target_link_libraries(${library} PUBLIC lab PRIVATE lab_asio)
    asynclab_warnings(${library})
    if(ASYNCLAB_PCH)
      target_precompile_headers(${library} REUSE_FROM lab_asio)
    endif()
  endforeach()

  add_executable(lesson_${stem} lessons/${stem}.cpp)
  target_link_libraries(lesson_${stem} PRIVATE lesson_${number})
  asynclab_warnings(lesson_${stem})
  if(ASYNCLAB_PCH)
    target_precompile_headers(lesson_${stem} REUSE_FROM lab_runner_pch)
  endif()

  add_executable(test_${stem} tests/${stem}.cpp)
  target_link_libraries(test_${stem} PRIVATE lesson_${number} catch_main)
  asynclab_warnings(test_${stem})
  if(ASYNCLAB_PCH)
    target_precompile_headers(test_${stem} REUSE_FROM catch_pch)
  endif()
  catch_discover_tests(test_${stem} TEST_PREFIX "${stem}/" PROPERTIES LABELS "lesson;${number}")
  asynclab_add_cli_checks(${stem})

  if(TARGET asynclab_benchmarks)
    target_sources(asynclab_benchmarks PRIVATE ${PROJECT_SOURCE_DIR}/benchmarks/${stem}.cpp)
    target_link_libraries(asynclab_benchmarks PRIVATE lesson_${number})
  endif()

  if(arg_UNDEFINED)
    if(NOT arg_REPORT)
      set(arg_REPORT "ERROR: AddressSanitizer|WARNING: ThreadSanitizer")
    endif()
    asynclab_add_undefined(${stem} ${arg_UNDEFINED} "${arg_REPORT}")
  endif()
  if(arg_TIDY)
    asynclab_add_tidy(${stem} ${arg_TIDY})
  endif()
  if(EXISTS ${PROJECT_SOURCE_DIR}/tests/serve/${stem}.py)
    add_test(NAME "${stem}/serve/real clients see the difference"
             COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/serve/${stem}.py $<TARGET_FILE:lesson_${stem}>)
    set_tests_properties("${stem}/serve/real clients see the difference" PROPERTIES LABELS "lesson;serve" TIMEOUT 120)
  endif()

  set_property(GLOBAL APPEND PROPERTY ASYNCLAB_LESSONS ${stem})
  asynclab_add_exercise(${number} ${name})
endfunction()

# The `run` target: every lesson, one after the other, in the terminal.
function(asynclab_add_run_target)
  get_property(lessons GLOBAL PROPERTY ASYNCLAB_LESSONS)
  set(commands "")
  foreach(stem IN LISTS lessons)
    list(APPEND commands COMMAND lesson_${stem} --no-prompt)
  endforeach()
  add_custom_target(run ${commands} USES_TERMINAL COMMENT "Running every lesson")
endfunction()
