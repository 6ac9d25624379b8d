# The exercise mode and the tour's view of the lessons (see tool/exercise.hpp, tool/tour.hpp).
#
#   asynclab_add_exercise(<number> <name>)  called by asynclab_add_lesson. Writes
#       build/<preset>/asynclab/exercise/<stem>.recipe: how `asynclab check` compiles a student's
#       copy of the pitfall (the lesson library's own flags and precompiled header) and links it
#       with the lesson's test and every object of the lesson library but the solution's own
#       (so extra files a lesson adds with target_sources, alternatives the tests call, stay). A check after an edit compiles one file and
#       links; it never re-runs CMake or Ninja in the build tree, which it only reads.
#       Adds two tests per lesson, each in a scratch folder of its own: the untouched pitfall
#       fails its check, and the lesson's solution, copied in, passes it.
#   At the end of the top-level CMakeLists.txt (deferred): build/<preset>/asynclab/lessons.txt,
#       the lesson list `asynclab` reads, and the tour's tests through a real pseudo-terminal.
include_guard(GLOBAL)

function(asynclab_add_exercise number name)
  set(stem ${number}_${name})
  set(library lesson_${number}_base)
  string(TOUPPER "${CMAKE_BUILD_TYPE}" config)
  separate_arguments(config_flags UNIX_COMMAND "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${config}}")

  # The compiler's own include folders stay implicit, as in CMake's commands (-I/usr/include
  # would break the standard library's #include_next).
  set(implicit "")
  foreach(dir IN LISTS CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
    string(REGEX REPLACE "[.+*?^$()|]" "\\\\\\0" escaped "${dir}")
    list(APPEND implicit "${escaped}")
  endforeach()
  list(JOIN implicit "|" implicit)

  set(defines "$<TARGET_PROPERTY:${library},COMPILE_DEFINITIONS>")
  set(includes "$<FILTER:$<TARGET_PROPERTY:${library},INCLUDE_DIRECTORIES>,EXCLUDE,^(${implicit})$>")
  # Warnings show but do not fail a student's check.
  set(options "$<FILTER:$<TARGET_PROPERTY:${library},COMPILE_OPTIONS>,EXCLUDE,^-Werror$>")
  set(pch "")
  if(ASYNCLAB_PCH)
    set(pch "-Winvalid-pch\n-include\n$<TARGET_PROPERTY:lab_asio,BINARY_DIR>/CMakeFiles/lab_asio.dir/cmake_pch.hxx\n")
  endif()
  list(JOIN config_flags "\n" config_lines)
  set(link_options "$<TARGET_PROPERTY:test_${stem},LINK_OPTIONS>")

  file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/asynclab/exercise/${stem}.recipe CONTENT
"[compile]
${CMAKE_CXX_COMPILER}
$<$<BOOL:${defines}>:-D$<JOIN:${defines},\n-D>\n>$<$<BOOL:${includes}>:-I$<JOIN:${includes},\n-I>\n>${config_lines}
$<$<BOOL:${options}>:$<JOIN:${options},\n>\n>${CMAKE_CXX20_STANDARD_COMPILE_OPTION}
${pch}-o
@object@
-c
@source@
[link]
${CMAKE_CXX_COMPILER}
${config_lines}
$<$<BOOL:${link_options}>:$<JOIN:${link_options},\n>\n>@object@
$<JOIN:$<TARGET_OBJECTS:lesson_${number}_base>,\n>
$<JOIN:$<TARGET_OBJECTS:test_${stem}>,\n>
-o
@executable@
$<TARGET_LINKER_FILE:catch_main>
$<TARGET_LINKER_FILE:lab_asio>
$<TARGET_LINKER_FILE:lab>
$<TARGET_LINKER_FILE:fmt::fmt>
-pthread
[depends]
${PROJECT_SOURCE_DIR}/lessons/${stem}.hpp
")

  foreach(case pitfall solution)
    if(case STREQUAL "pitfall")
      set(sentence "the untouched pitfall fails its check")
    else()
      set(sentence "the lesson's solution, copied in, passes its check")
    endif()
    add_test(NAME "exercise/${stem}: ${sentence}"
      COMMAND ${CMAKE_COMMAND} -DASYNCLAB=$<TARGET_FILE:asynclab> -DNUMBER=${number} -DSTEM=${stem} -DCASE=${case}
              -DSOURCE=${PROJECT_SOURCE_DIR} -DSCRATCH=${PROJECT_BINARY_DIR}/exercise-tests/${stem}-${case}
              -P ${PROJECT_SOURCE_DIR}/cmake/exercise_test.cmake)
    set_tests_properties("exercise/${stem}: ${sentence}" PROPERTIES LABELS "exercise;${number}" TIMEOUT 600)
  endforeach()
endfunction()

# After the last lesson: the list the tour reads, and the tour's own tests.
function(asynclab_add_tour)
  get_property(lessons GLOBAL PROPERTY ASYNCLAB_LESSONS)
  set(list "")
  foreach(stem IN LISTS lessons)
    string(APPEND list "${stem}\t$<TARGET_FILE:lesson_${stem}>\n")
  endforeach()
  file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/asynclab/lessons.txt CONTENT "${list}")

  set(scripts
    "lesson_prompt|a lesson on a terminal asks for the prediction and explains a wrong one"
    "tour|the tour saves the progress, resumes after the last lesson done and says when all are finished"
    "bad_input|bad input gives one clear line and exit 2"
    "watch|watch checks the exercise again when it is saved")
  foreach(entry IN LISTS scripts)
    string(REPLACE "|" ";" entry "${entry}")
    list(GET entry 0 script)
    list(GET entry 1 sentence)
    add_test(NAME "tour/${sentence}"
      COMMAND bash ${PROJECT_SOURCE_DIR}/tests/tool/tour/${script}.sh $<TARGET_FILE:asynclab>
              ${PROJECT_BINARY_DIR}/asynclab/lessons.txt ${PROJECT_BINARY_DIR}/tour-tests/${script} ${PROJECT_SOURCE_DIR})
    set_tests_properties("tour/${sentence}" PROPERTIES LABELS "tour" TIMEOUT 600 SKIP_RETURN_CODE 77)
  endforeach()
endfunction()
