# One lesson's exercise, checked end to end in a scratch folder of its own (run by ctest, see
# cmake/exercise.cmake): `asynclab exercise` writes the starting copy, CASE=solution copies the
# lesson's solution over it, and `asynclab check --json` must fail on the untouched pitfall and
# pass on the solution, with results.json in Exercism's shape. CASE=header proves that the
# student's object depends on the headers it includes, lab/ ones too: a changed header rebuilds it.
#   cmake -DASYNCLAB=<asynclab> -DNUMBER=01 -DSTEM=01_blocking_call -DCASE=pitfall|solution|header
#         -DSOURCE=<repository> -DSCRATCH=<folder> -DNINJA=<ninja> -DBUILD=<build folder>
#         -P exercise_test.cmake

file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})
# Neither the student's exercises/ nor their progress are touched.
set(ENV{ASYNCLAB_EXERCISES} ${SCRATCH}/exercises)
set(ENV{XDG_STATE_HOME} ${SCRATCH}/state)

execute_process(COMMAND ${ASYNCLAB} exercise ${NUMBER} RESULT_VARIABLE started OUTPUT_VARIABLE said ERROR_VARIABLE said)
set(copy ${SCRATCH}/exercises/${STEM}.cpp)
if(NOT started EQUAL 0 OR NOT EXISTS ${copy})
  message(FATAL_ERROR "asynclab exercise ${NUMBER} did not write ${copy} (exit ${started}): ${said}")
endif()
file(READ ${copy} text)
if(NOT text MATCHES "solution\\(" OR text MATCHES "[^_a-z]pitfall\\(")
  message(FATAL_ERROR "the starting copy should define solution() and not pitfall():\n${text}")
endif()

if(text MATCHES "\n[ ]*// \\[[a-z_]+\\]\n")
  message(FATAL_ERROR "the starting copy keeps the docs' snippet markers:\n${text}")
endif()

if(CASE STREQUAL "header")
  include(${SOURCE}/tests/tool/exercise_header_test.cmake)
  return()
endif()

if(CASE STREQUAL "solution")
  configure_file(${SOURCE}/solutions/${STEM}.cpp ${copy} COPYONLY)
  set(expected_status pass)
  set(expected_exit 0)
else()
  set(expected_status fail)
  set(expected_exit 1)
endif()

execute_process(COMMAND ${ASYNCLAB} check ${NUMBER} --json
  RESULT_VARIABLE checked OUTPUT_VARIABLE json ERROR_VARIABLE errors TIMEOUT 550)
message(STATUS "asynclab check ${NUMBER} --json exited ${checked}:\n${json}${errors}")
string(JSON version ERROR_VARIABLE bad GET "${json}" version)
string(JSON status ERROR_VARIABLE bad GET "${json}" status)
string(JSON tests ERROR_VARIABLE bad LENGTH "${json}" tests)
if(bad)
  message(FATAL_ERROR "results.json is not in Exercism's shape: ${bad}")
endif()
if(NOT checked EQUAL expected_exit OR NOT version EQUAL 2 OR NOT status STREQUAL expected_status OR tests EQUAL 0)
  message(FATAL_ERROR "expected status ${expected_status} and exit ${expected_exit} with tests; "
                      "got status ${status}, exit ${checked}, ${tests} tests")
endif()

# Every test's own status agrees with the whole: all pass, or at least one fails with a message.
set(failed 0)
math(EXPR last "${tests} - 1")
foreach(i RANGE ${last})
  string(JSON one GET "${json}" tests ${i} status)
  if(one STREQUAL "fail")
    math(EXPR failed "${failed} + 1")
    string(JSON why GET "${json}" tests ${i} message)
    if(why STREQUAL "")
      message(FATAL_ERROR "test ${i} failed without a message")
    endif()
  endif()
endforeach()
if((CASE STREQUAL "solution" AND failed GREATER 0) OR (CASE STREQUAL "pitfall" AND failed EQUAL 0))
  message(FATAL_ERROR "${failed} of ${tests} tests failed, which does not match status ${status}")
endif()

# A failed check hands out no hint (hints come only from `asynclab hint`), and its messages give
# durations the way the lessons do, never in raw nanoseconds.
if(CASE STREQUAL "pitfall")
  if(EXISTS ${SCRATCH}/state/asynclab/progress)
    file(READ ${SCRATCH}/state/asynclab/progress saved)
    if(saved MATCHES "hints=")
      message(FATAL_ERROR "a failed check recorded a hint the student never asked for:\n${saved}")
    endif()
  endif()
  if(json MATCHES "[0-9][0-9][0-9][0-9]ns")
    message(FATAL_ERROR "a failure message shows raw nanoseconds:\n${json}")
  endif()
endif()

# A passed check is kept in the progress.
if(CASE STREQUAL "solution")
  file(READ ${SCRATCH}/state/asynclab/progress saved)
  if(NOT saved MATCHES "${STEM}[^\n]* solved")
    message(FATAL_ERROR "the progress does not record the solved exercise:\n${saved}")
  endif()
endif()
