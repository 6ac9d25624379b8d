# The docs target: Doxygen HTML with the doxygen-awesome theme. Each lesson runs once while the
# docs build and writes, into build/<preset>/docs/generated/, what its page includes:
#   <stem>.numbers.md     the table of numbers and the verdict
#   <stem>.timeline.svg   both timelines as a picture
#   <stem>.log            what the lesson printed: the page's "Running it"
#   <stem>.diff           the difference between the pitfall and the solution, without snippet markers
#   <stem>.undefined.txt  the sanitizer's report on the undefined face, for a lesson that has one
#   <stem>.tidy.txt       what clang-tidy-19 says of the pitfall and the solution, for a lesson that
#                         names its checks (cmake/catch_it.cmake)
#   <stem>.bench.svg/.md  its benchmarks: a short run, or the file `make docs BENCH=path` names
#                         (cmake/scripts/docs_bench.cmake)
# cmake/scripts/docs_pages.py then writes the pages Doxygen reads (build/<preset>/docs/pages/):
# each docs/lessons/ page with what every lesson page has (prev/next, "Running it", the folded
# exercise and solution, the coloured diff) and the "Lessons" page; docs_links.py, after Doxygen,
# unlinks a name that Doxygen linked to another lesson's symbol. No number or picture on a page is
# typed by hand. tests/docs/ checks the result in a real browser (ctest -R docs_).

find_package(Doxygen 1.9 COMPONENTS dot)
find_package(Python3 COMPONENTS Interpreter)
set(ASYNCLAB_DOXYGEN_AWESOME /usr/share/doxygen-awesome-css CACHE PATH "Where doxygen-awesome-css lives")

function(asynclab_add_docs)
  # The pages show benchmark numbers, so they come from a build that has the benchmarks.
  if(NOT TARGET asynclab_benchmarks)
    add_custom_target(docs COMMAND ${CMAKE_COMMAND} -E echo "asynclab: the docs are built from the release preset (make docs)"
                           COMMAND ${CMAKE_COMMAND} -E false)
    return()
  endif()
  if(NOT DOXYGEN_FOUND OR NOT Python3_Interpreter_FOUND)
    add_custom_target(docs COMMAND ${CMAKE_COMMAND} -E echo "asynclab: doxygen or python3 is missing; run cmake/install_dependencies.sh"
                           COMMAND ${CMAKE_COMMAND} -E false)
    return()
  endif()

  set(generated ${PROJECT_BINARY_DIR}/docs/generated)
  file(MAKE_DIRECTORY ${generated})
  get_property(lessons GLOBAL PROPERTY ASYNCLAB_LESSONS)
  set(numbers "")
  foreach(stem IN LISTS lessons)
    add_custom_command(
      OUTPUT ${generated}/${stem}.numbers.md ${generated}/${stem}.timeline.svg ${generated}/${stem}.log
      COMMAND ${CMAKE_COMMAND} -E make_directory ${generated}  # in case the docs folder was removed
      COMMAND lesson_${stem} --no-color --markdown ${generated}/${stem}.numbers.md
                             --svg ${generated}/${stem}.timeline.svg > ${generated}/${stem}.log
      DEPENDS lesson_${stem}
      COMMENT "Running lesson ${stem} for its docs page")
    add_custom_command(
      OUTPUT ${generated}/${stem}.diff
      COMMAND ${CMAKE_COMMAND} -DSTEM=${stem} -DOUT=${generated}/${stem}.diff -P ${PROJECT_SOURCE_DIR}/cmake/scripts/write_diff.cmake
      DEPENDS pitfalls/${stem}.cpp solutions/${stem}.cpp ${PROJECT_SOURCE_DIR}/cmake/scripts/write_diff.cmake
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      COMMENT "Comparing the pitfall and the solution of lesson ${stem}")
    list(APPEND numbers ${generated}/${stem}.numbers.md ${generated}/${stem}.log ${generated}/${stem}.diff)
    list(APPEND sources ${PROJECT_SOURCE_DIR}/docs/lessons/${stem}.md)
    list(APPEND pages ${PROJECT_BINARY_DIR}/docs/pages/${stem}.md)
  endforeach()
  asynclab_add_catch_it_docs(${generated} numbers)
  set(scripts ${PROJECT_SOURCE_DIR}/cmake/scripts)
  add_custom_command(
    OUTPUT ${PROJECT_BINARY_DIR}/docs/pages/lessons.md ${pages}
    COMMAND Python3::Interpreter ${scripts}/docs_pages.py ${PROJECT_SOURCE_DIR}/docs/lessons ${generated}
            ${PROJECT_BINARY_DIR}/docs/pages ${lessons}
    DEPENDS ${scripts}/docs_pages.py ${sources} ${numbers}
    COMMENT "Writing the lesson pages")

  configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile.in ${PROJECT_BINARY_DIR}/docs/Doxyfile @ONLY)
  list(JOIN lessons "," lesson_list)
  add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -DASYNCLAB=$<TARGET_FILE:asynclab> -DOUT=${generated} -DLESSONS=${lesson_list}
            -P ${PROJECT_SOURCE_DIR}/cmake/scripts/docs_bench.cmake
    COMMAND Doxygen::doxygen ${PROJECT_BINARY_DIR}/docs/Doxyfile
    COMMAND Python3::Interpreter ${scripts}/docs_links.py ${PROJECT_BINARY_DIR}/docs/html
    COMMAND ${CMAKE_COMMAND} -E echo "Docs: ${PROJECT_BINARY_DIR}/docs/html/index.html"
    DEPENDS ${numbers} ${PROJECT_BINARY_DIR}/docs/pages/lessons.md
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "Building the docs with Doxygen")
  add_dependencies(docs asynclab asynclab_benchmarks)

  # The docs in a real browser, after `make docs`: skips (exit 77) without chromium or without
  # the docs, and says that a skip is not a pass. Screenshots in build/<preset>/docs/screenshots/.
  add_test(NAME docs_in_browser
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/docs/check_pages.py
                   ${PROJECT_BINARY_DIR}/docs/html ${PROJECT_BINARY_DIR}/docs/screenshots)
  set_tests_properties(docs_in_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS docs)
endfunction()
