# CASE=header of cmake/exercise_test.cmake (which includes this file): the solution, copied in,
# also includes a header of the scratch folder. After a check, Ninja's record of the object's
# dependencies must hold that header and the lab/ headers the lesson includes; a second check
# must build nothing; and once the header changes, the next check must compile the object again.

file(READ ${SOURCE}/solutions/${STEM}.cpp solution)
file(WRITE ${SCRATCH}/exercises/extra_header.hpp "// A header the student's copy includes.\n")
file(WRITE ${copy} "#include \"extra_header.hpp\"\n${solution}")
get_filename_component(preset ${BUILD} NAME)
set(folder ${SCRATCH}/exercises/.build/${preset}/${STEM})

function(check_once expect_built)
  execute_process(COMMAND ${ASYNCLAB} check ${NUMBER} RESULT_VARIABLE checked OUTPUT_VARIABLE said ERROR_VARIABLE said
                  TIMEOUT 550)
  message(STATUS "asynclab check ${NUMBER} exited ${checked}:\n${said}")
  if(NOT checked EQUAL 0)
    message(FATAL_ERROR "the solution with an extra header should pass its check")
  endif()
  if(expect_built AND NOT said MATCHES "built in")
    message(FATAL_ERROR "the check should have built the exercise again")
  elseif(NOT expect_built AND said MATCHES "built in")
    message(FATAL_ERROR "the check rebuilt an exercise that was up to date")
  endif()
endfunction()

check_once(TRUE)
execute_process(COMMAND ${NINJA} -C ${folder} -t deps exercise.o OUTPUT_VARIABLE dependencies)
foreach(header ${SCRATCH}/exercises/extra_header.hpp ${SOURCE}/lab/ ${SOURCE}/lessons/${STEM}.hpp)
  string(FIND "${dependencies}" "${header}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the object's recorded dependencies lack ${header}:\n${dependencies}")
  endif()
endforeach()
check_once(FALSE)

file(TIMESTAMP ${folder}/exercise.o built_before "%s")
execute_process(COMMAND ${CMAKE_COMMAND} -E sleep 1.1)
file(TOUCH ${SCRATCH}/exercises/extra_header.hpp)
check_once(TRUE)
file(TIMESTAMP ${folder}/exercise.o built_after "%s")
if(built_after STREQUAL built_before)
  message(FATAL_ERROR "the object was not compiled again after its header changed")
endif()
