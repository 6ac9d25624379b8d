# How a lesson's pitfall gets caught by a tool, each proven by a test and shown on its page from a
# real run (build/<preset>/docs/generated/):
#   asynclab_add_undefined(<stem> <sanitizer> <report regex>)
#       bin/lesson_<stem>_undefined: the lesson's undefined face (lab/undefined.hpp), built with
#       its sanitizer; tests that the sanitizer reports the pitfall and stays silent on the
#       solution; <stem>.undefined.txt for the page.
#   asynclab_add_tidy(<stem> <check>...)
#       a test that clang-tidy-19 flags the pitfall's files with each check and the solution's
#       with none; <stem>.tidy.txt for the page.
#   asynclab_add_lint()
#       `lint` (make lint): clang-tidy-19 with .clang-tidy over the project's own code.

include(CheckCXXCompilerFlag)
check_cxx_compiler_flag(-Wno-tsan has_wno_tsan)  # g++ 12 warns that TSan ignores atomic_thread_fence
set(ASYNCLAB_SANITIZER_FLAGS_address -fsanitize=address -fno-omit-frame-pointer)
set(ASYNCLAB_SANITIZER_FLAGS_thread -fsanitize=thread)

# What an undefined program is built with: -O0 -g1 (line tables: the report names each frame's
# file and line; the program is small and runs once, so optimising it or full debug information
# would only cost compile time, and unoptimised code keeps every access the sanitizer checks),
# and its sanitizer, which a sanitizer build already has.
function(asynclab_undefined_flags target sanitizer)
  target_link_libraries(${target} PRIVATE asynclab_asio)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR})
  asynclab_warnings(${target})
  target_compile_options(${target} PRIVATE -O0 -g1)
  if(NOT ASYNCLAB_SANITIZER)
    target_compile_options(${target} PRIVATE ${ASYNCLAB_SANITIZER_FLAGS_${sanitizer}})
    target_link_options(${target} PRIVATE ${ASYNCLAB_SANITIZER_FLAGS_${sanitizer}})
    if(sanitizer STREQUAL thread AND has_wno_tsan)
      target_compile_options(${target} PRIVATE -Wno-tsan)
    endif()
  endif()
endfunction()

# The Asio headers precompiled once per sanitizer, with the undefined programs' flags: each
# program's files then parse none of Asio again (lab/undefined_pch.hpp).
function(asynclab_undefined_pch sanitizer out)
  set(pch lab_undefined_pch_${sanitizer})
  if(ASYNCLAB_PCH AND NOT TARGET ${pch})
    add_library(${pch} OBJECT ${PROJECT_SOURCE_DIR}/lab/undefined_pch.cpp)
    asynclab_undefined_flags(${pch} ${sanitizer})
    target_precompile_headers(${pch} PRIVATE ${PROJECT_SOURCE_DIR}/lab/undefined_pch.hpp)
  endif()
  set(${out} ${pch} PARENT_SCOPE)
endfunction()

function(asynclab_add_undefined stem sanitizer report)
  # A sanitizer build has one sanitizer in every file: the other's program cannot be built there.
  if(ASYNCLAB_SANITIZER AND NOT sanitizer IN_LIST ASYNCLAB_SANITIZER)
    return()
  endif()
  set(program lesson_${stem}_undefined)
  add_executable(${program} lab/undefined_main.cpp pitfalls/${stem}_undefined.cpp solutions/${stem}_undefined.cpp)
  asynclab_undefined_flags(${program} ${sanitizer})
  asynclab_undefined_pch(${sanitizer} pch)
  if(ASYNCLAB_PCH)
    target_precompile_headers(${program} REUSE_FROM ${pch})
  endif()
  add_dependencies(lesson_${stem} ${program})  # the lesson runs it as its child

  if(sanitizer STREQUAL thread)
    set(name ThreadSanitizer)
  else()
    set(name AddressSanitizer)
  endif()
  set(environment "ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0" "TSAN_OPTIONS=halt_on_error=1")
  add_test(NAME "${stem}/undefined/${name} reports the pitfall" COMMAND ${program} pitfall)
  set_tests_properties("${stem}/undefined/${name} reports the pitfall" PROPERTIES
    PASS_REGULAR_EXPRESSION "${report}" ENVIRONMENT "${environment}" LABELS "lesson;undefined" TIMEOUT 60)
  add_test(NAME "${stem}/undefined/${name} is silent on the solution" COMMAND ${program} solution)
  set_tests_properties("${stem}/undefined/${name} is silent on the solution" PROPERTIES
    FAIL_REGULAR_EXPRESSION "Sanitizer" ENVIRONMENT "${environment}" LABELS "lesson;undefined" TIMEOUT 60)
  set_property(GLOBAL APPEND PROPERTY ASYNCLAB_UNDEFINED ${stem})
endfunction()

# The files clang-tidy reads for a lesson: the pitfall's and the solution's, undefined ones too.
function(asynclab_lesson_files stem role out)
  file(GLOB files RELATIVE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/${role}s/${stem}*.cpp)
  set(${out} ${files} PARENT_SCOPE)
endfunction()

function(asynclab_add_tidy stem)
  # The compile commands of the release and debug builds hold every lesson file.
  if(ASYNCLAB_SANITIZER)
    return()
  endif()
  list(JOIN ARGN "," checks)
  asynclab_lesson_files(${stem} pitfall pitfalls)
  asynclab_lesson_files(${stem} solution solutions)
  add_test(NAME "${stem}/clang-tidy-19 flags the pitfall, not the solution"
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/cmake/scripts/tidy_check.py ${PROJECT_BINARY_DIR} ${checks}
                   --pitfalls ${pitfalls} --solutions ${solutions}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties("${stem}/clang-tidy-19 flags the pitfall, not the solution" PROPERTIES
    LABELS "lesson;tidy" TIMEOUT 300)
  set_property(GLOBAL APPEND PROPERTY ASYNCLAB_TIDY "${stem}=${checks}")
endfunction()

# For the docs: <stem>.undefined.txt and <stem>.tidy.txt, from real runs. Appends the files to
# the list named by `out`.
function(asynclab_add_catch_it_docs generated out)
  set(files "")
  get_property(undefined GLOBAL PROPERTY ASYNCLAB_UNDEFINED)
  foreach(stem IN LISTS undefined)
    add_custom_command(
      OUTPUT ${generated}/${stem}.undefined.txt
      COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/cmake/scripts/undefined_report.py
              $<TARGET_FILE:lesson_${stem}_undefined> ${PROJECT_SOURCE_DIR} ${generated}/${stem}.undefined.txt
      DEPENDS lesson_${stem}_undefined ${PROJECT_SOURCE_DIR}/cmake/scripts/undefined_report.py
      COMMENT "Running the undefined face of lesson ${stem} under its sanitizer")
    list(APPEND files ${generated}/${stem}.undefined.txt)
  endforeach()
  get_property(tidy GLOBAL PROPERTY ASYNCLAB_TIDY)
  foreach(entry IN LISTS tidy)
    string(REPLACE "=" ";" entry "${entry}")
    list(GET entry 0 stem)
    list(GET entry 1 checks)
    asynclab_lesson_files(${stem} pitfall pitfalls)
    asynclab_lesson_files(${stem} solution solutions)
    add_custom_command(
      OUTPUT ${generated}/${stem}.tidy.txt
      COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/cmake/scripts/tidy_check.py ${PROJECT_BINARY_DIR} ${checks}
              --pitfalls ${pitfalls} --solutions ${solutions} --out ${generated}/${stem}.tidy.txt
      DEPENDS ${pitfalls} ${solutions} ${PROJECT_SOURCE_DIR}/cmake/scripts/tidy_check.py ${PROJECT_SOURCE_DIR}/.clang-tidy
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      COMMENT "Running clang-tidy-19 on lesson ${stem} for its page")
    list(APPEND files ${generated}/${stem}.tidy.txt)
  endforeach()
  set(${out} ${${out}} ${files} PARENT_SCOPE)
endfunction()

# make lint: clang-tidy-19 with the project's .clang-tidy files over the project's own code, every
# finding an error (lab/ and tool/ are unity builds: their batches are what the database lists). The pitfalls are left out: they are wrong on purpose, and the lessons' own
# tests (asynclab_add_tidy) prove that clang-tidy flags them.
# The build's own flags, with clang's -Wsign-conversion off: g++'s -Wconversion, which the build
# uses, leaves signedness alone in C++, and clang's turns it on.
function(asynclab_add_lint)
  find_program(ASYNCLAB_RUN_CLANG_TIDY run-clang-tidy-19)
  if(NOT ASYNCLAB_RUN_CLANG_TIDY)
    add_custom_target(lint COMMAND ${CMAKE_COMMAND} -E echo "asynclab: clang-tidy-19 is missing; run cmake/install_dependencies.sh"
                           COMMAND ${CMAKE_COMMAND} -E false)
    return()
  endif()
  add_custom_target(lint
    COMMAND ${ASYNCLAB_RUN_CLANG_TIDY} -quiet -p ${PROJECT_BINARY_DIR}
            -extra-arg=-Wno-unknown-warning-option -extra-arg=-Wno-ignored-gch -extra-arg=-Wno-sign-conversion
            -warnings-as-errors=*
            "-source-filter=^(${PROJECT_SOURCE_DIR}/(lab|tool|lessons|solutions)/|${PROJECT_BINARY_DIR}/(lab|tool)/.*/Unity/)"
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "clang-tidy-19 over lab/, tool/, lessons/ and solutions/"
    VERBATIM)
endfunction()
