# The docs target: Doxygen HTML with the doxygen-awesome theme. Each lesson runs once while the
# docs build and writes, into build/<preset>/docs/generated/, what its page includes:
#   <stem>.numbers.md     the table of numbers, the verdict and the ASCII timelines
#   <stem>.timeline.svg   both timelines as a picture
#   <stem>.diff           the difference between the pitfall and the solution
#   <stem>.bench.svg/.md  its benchmarks: a short run, or the file `make docs BENCH=path` names
#                         (cmake/scripts/docs_bench.cmake)
# No number or picture on a page is typed by hand.

find_package(Doxygen 1.9 COMPONENTS dot)
set(ASYNCLAB_DOXYGEN_AWESOME /usr/share/doxygen-awesome-css CACHE PATH "Where doxygen-awesome-css lives")

function(asynclab_add_docs)
  # The pages show benchmark numbers, so they come from a build that has the benchmarks.
  if(NOT TARGET asynclab_benchmarks)
    add_custom_target(docs COMMAND ${CMAKE_COMMAND} -E echo "asynclab: the docs are built from the release preset (make docs)"
                           COMMAND ${CMAKE_COMMAND} -E false)
    return()
  endif()
  if(NOT DOXYGEN_FOUND)
    add_custom_target(docs COMMAND ${CMAKE_COMMAND} -E echo "asynclab: doxygen is missing; run cmake/install_dependencies.sh"
                           COMMAND ${CMAKE_COMMAND} -E false)
    return()
  endif()

  set(generated ${PROJECT_BINARY_DIR}/docs/generated)
  file(MAKE_DIRECTORY ${generated})
  get_property(lessons GLOBAL PROPERTY ASYNCLAB_LESSONS)
  set(numbers "")
  foreach(stem IN LISTS lessons)
    add_custom_command(
      OUTPUT ${generated}/${stem}.numbers.md ${generated}/${stem}.timeline.svg
      COMMAND lesson_${stem} --no-color --markdown ${generated}/${stem}.numbers.md
                             --svg ${generated}/${stem}.timeline.svg > ${generated}/${stem}.log
      DEPENDS lesson_${stem}
      COMMENT "Running lesson ${stem} for its docs page")
    add_custom_command(
      OUTPUT ${generated}/${stem}.diff
      COMMAND ${CMAKE_COMMAND} -DSTEM=${stem} -DOUT=${generated}/${stem}.diff -P ${PROJECT_SOURCE_DIR}/cmake/scripts/write_diff.cmake
      DEPENDS pitfalls/${stem}.cpp solutions/${stem}.cpp
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      COMMENT "Comparing the pitfall and the solution of lesson ${stem}")
    list(APPEND numbers ${generated}/${stem}.numbers.md ${generated}/${stem}.diff)
  endforeach()

  configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile.in ${PROJECT_BINARY_DIR}/docs/Doxyfile @ONLY)
  list(JOIN lessons "," lesson_list)
  add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -DASYNCLAB=$<TARGET_FILE:asynclab> -DOUT=${generated} -DLESSONS=${lesson_list}
            -P ${PROJECT_SOURCE_DIR}/cmake/scripts/docs_bench.cmake
    COMMAND Doxygen::doxygen ${PROJECT_BINARY_DIR}/docs/Doxyfile
    COMMAND ${CMAKE_COMMAND} -E echo "Docs: ${PROJECT_BINARY_DIR}/docs/html/index.html"
    DEPENDS ${numbers}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "Building the docs with Doxygen")
  add_dependencies(docs asynclab asynclab_benchmarks)
endfunction()
