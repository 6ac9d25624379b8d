# The exercise mode and the tour's view of the lessons (see tool/exercise/, tool/tour.hpp).
#
#   asynclab_add_exercise(<number> <name>)  called by asynclab_add_lesson. Writes
#       build/<preset>/asynclab/exercise/<stem>.ninja: Ninja rules that compile a student's copy
#       of the pitfall like the lesson library (its flags, sanitizers and precompiled header;
#       warnings shown, never errors) and link it with the lesson's test objects, lesson_<NN>_base
#       and everything those link, as CMake knows it. `asynclab check` includes the rules from a
#       build.ninja of its own under exercises/.build/<preset>/<stem>/ and runs Ninja there: the
#       compiler's depfile tracks every header (lab/ too), a check after an edit is one compile
#       and one link, and the course's build tree is only read.
#       Adds two tests per lesson, each in a scratch folder of its own: the untouched pitfall
#       fails its check, and the lesson's solution, copied in, passes it.
#   asynclab_add_tour()  after the last lesson: build/<preset>/asynclab/lessons.txt, the lesson
#       list `asynclab` reads, the tour's tests through a real pseudo-terminal, and the test that
#       a changed header rebuilds a student's object.
include_guard(GLOBAL)

# Appends to the list <out> what linking <item> takes, depth first: its file, its link options
# and, recursively, what it links. <item> is a target, a $<LINK_ONLY:...> entry, a flag or a file.
function(_asynclab_link_items item out depth)
  set(items ${${out}})
  if(item MATCHES "^\\$<LINK_ONLY:(.*)>$")
    set(item "${CMAKE_MATCH_1}")
  endif()
  if(NOT TARGET "${item}")
    if(NOT item MATCHES "^[-/$]")
      set(item "-l${item}")  # a plain library name, as CMake links it
    endif()
    list(APPEND items "${item}")
    set(${out} "${items}" PARENT_SCOPE)
    return()
  endif()
  get_target_property(type ${item} TYPE)
  if(type MATCHES "^(STATIC|SHARED|UNKNOWN)_LIBRARY$")
    list(APPEND items "$<TARGET_LINKER_FILE:${item}>")
  endif()
  list(APPEND items "$<JOIN:$<TARGET_PROPERTY:${item},INTERFACE_LINK_OPTIONS>, >")
  get_target_property(dependencies ${item} INTERFACE_LINK_LIBRARIES)
  if(dependencies AND depth LESS 20)
    math(EXPR deeper "${depth} + 1")
    foreach(dependency IN LISTS dependencies)
      _asynclab_link_items("${dependency}" items ${deeper})
    endforeach()
  endif()
  set(${out} "${items}" PARENT_SCOPE)
endfunction()

# The libraries of test_<stem> with lesson_<number> (whose own file holds the solution) replaced
# by lesson_<number>_base, each followed by what it links; a library listed twice keeps its last
# place, after everything that needs it.
function(_asynclab_exercise_libraries number stem out)
  get_target_property(direct test_${stem} LINK_LIBRARIES)
  list(TRANSFORM direct REPLACE "^lesson_${number}$" "lesson_${number}_base")
  set(items "")
  foreach(library IN LISTS direct)
    _asynclab_link_items("${library}" items 0)
  endforeach()
  list(REMOVE_ITEM items "$<JOIN:$<TARGET_PROPERTY:lesson_${number}_base,INTERFACE_LINK_OPTIONS>, >")
  list(REVERSE items)
  list(REMOVE_DUPLICATES items)
  list(REVERSE items)
  set(${out} "${items}" PARENT_SCOPE)
endfunction()

# The compiler flags of the lesson library, as a string of words.
function(_asynclab_exercise_compile_flags number out)
  set(library lesson_${number}_base)
  string(TOUPPER "${CMAKE_BUILD_TYPE}" config)
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
  set(flags "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${config}} ${CMAKE_CXX20_STANDARD_COMPILE_OPTION}")
  string(APPEND flags " $<$<BOOL:${defines}>:-D$<JOIN:${defines}, -D>>")
  string(APPEND flags " $<$<BOOL:${includes}>:-I$<JOIN:${includes}, -I>>")
  string(APPEND flags " $<JOIN:${options}, >")
  if(ASYNCLAB_PCH)
    string(APPEND flags " -Winvalid-pch -include ${_asynclab_pch}")
  endif()
  set(${out} "${flags}" PARENT_SCOPE)
endfunction()

function(asynclab_add_exercise number name)
  set(stem ${number}_${name})
  string(TOUPPER "${CMAKE_BUILD_TYPE}" config)
  set(_asynclab_pch "$<TARGET_PROPERTY:lab_asio,BINARY_DIR>/CMakeFiles/lab_asio.dir/cmake_pch.hxx")
  _asynclab_exercise_compile_flags(${number} compile_flags)
  _asynclab_exercise_libraries(${number} ${stem} libraries)
  set(files "")
  foreach(item IN LISTS libraries)
    if(item MATCHES "^\\$<TARGET_LINKER_FILE:")
      list(APPEND files "${item}")
    endif()
  endforeach()
  list(JOIN libraries " " libraries)
  list(JOIN files " " files)
  set(pch_file "")
  if(ASYNCLAB_PCH)
    set(pch_file "${_asynclab_pch}.gch")
  endif()
  set(link_flags "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${config}}")
  string(APPEND link_flags " ${CMAKE_EXE_LINKER_FLAGS} ${CMAKE_EXE_LINKER_FLAGS_${config}}")
  string(APPEND link_flags " $<JOIN:$<TARGET_PROPERTY:test_${stem},LINK_OPTIONS>, >")

  file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/asynclab/exercise/${stem}.ninja CONTENT
"# How `asynclab check ${number}` builds a student's copy of lesson ${stem}'s pitfall, written by
# cmake/exercise.cmake. asynclab includes it from a build.ninja that sets $exercise, the file.
cxx = ${CMAKE_CXX_COMPILER}
rule compile
  command = $cxx ${compile_flags} -MD -MF $out.d -o $out -c $in
  depfile = $out.d
  deps = gcc
  description = compiling $in
rule link
  command = $cxx ${link_flags} $in -o $out ${libraries}
  description = linking $out
build exercise.o: compile $exercise | ${pch_file}
build ${stem}: link exercise.o $<JOIN:$<TARGET_OBJECTS:test_${stem}>, > | ${files}
default ${stem}
")

  foreach(case pitfall solution)
    if(case STREQUAL "pitfall")
      set(sentence "the untouched pitfall fails its check")
    else()
      set(sentence "the lesson's solution, copied in, passes its check")
    endif()
    _asynclab_add_exercise_test("exercise/${stem}: ${sentence}" ${number} ${stem} ${case})
  endforeach()
  set_property(GLOBAL APPEND PROPERTY ASYNCLAB_EXERCISES ${stem})
endfunction()

# A test of one exercise, in a scratch folder of its own (cmake/exercise_test.cmake).
function(_asynclab_add_exercise_test test number stem case)
  add_test(NAME "${test}"
    COMMAND ${CMAKE_COMMAND} -DASYNCLAB=$<TARGET_FILE:asynclab> -DNUMBER=${number} -DSTEM=${stem} -DCASE=${case}
            -DSOURCE=${PROJECT_SOURCE_DIR} -DSCRATCH=${PROJECT_BINARY_DIR}/exercise-tests/${stem}-${case}
            -DNINJA=${CMAKE_MAKE_PROGRAM} -DBUILD=${PROJECT_BINARY_DIR}
            -P ${PROJECT_SOURCE_DIR}/cmake/exercise_test.cmake)
  set_tests_properties("${test}" PROPERTIES LABELS "exercise;${number}" TIMEOUT 600)
endfunction()

# After the last lesson: the list the tour reads, and the tour's own tests.
function(asynclab_add_tour)
  get_property(lessons GLOBAL PROPERTY ASYNCLAB_LESSONS)
  set(list "")
  foreach(stem IN LISTS lessons)
    string(APPEND list "${stem}\t$<TARGET_FILE:lesson_${stem}>\n")
  endforeach()
  file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/asynclab/lessons.txt CONTENT "${list}")

  # One exercise proves that the object is rebuilt when a header it includes changes.
  get_property(exercises GLOBAL PROPERTY ASYNCLAB_EXERCISES)
  if(exercises)
    list(GET exercises 0 stem)
    string(REGEX MATCH "^[0-9]+" number "${stem}")
    _asynclab_add_exercise_test("exercise/${stem}: a changed header rebuilds the student's object"
                                ${number} ${stem} header)
  endif()

  set(scripts
    "lesson_prompt|a lesson on a terminal asks for the prediction and explains a wrong one"
    "tour|the tour saves the progress, resumes after the last lesson done and says when all are finished"
    "bad_input|bad input gives one clear line and exit 2"
    "watch|watch checks the exercise again when it is saved"
    "explain|explain shows a lesson's page through the pager, from its top"
    "keys|Ctrl-C stops a lesson without marking it done, x starts the exercise, reset asks first")
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
