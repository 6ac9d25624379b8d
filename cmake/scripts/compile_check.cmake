# Script mode (cmake -P) for asynclab_add_compile_check: compiles SOURCE (relative to SOURCE_DIR)
# with COMPILER, the project's warnings as errors and the include directories INCLUDES (separated
# by |); the compile must fail with output matching EXPECT. With OUTPUT, writes the compiler's
# message there. The compile runs in SOURCE_DIR on a relative path, so the message names
# `tests/compile_checks/...` rather than a path on the machine that built it.

string(REPLACE "|" ";" includes "${INCLUDES}")
list(TRANSFORM includes PREPEND "-I")
execute_process(
  COMMAND ${COMPILER} -std=c++20 -fsyntax-only -fdiagnostics-color=never -Wall -Wextra -Wpedantic -Werror
          ${includes} ${SOURCE}
  WORKING_DIRECTORY ${SOURCE_DIR}
  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(message "${out}${err}")

if(result EQUAL 0)
  message(FATAL_ERROR "compile check: the file compiled, but it was expected to fail with '${EXPECT}'")
endif()
if(NOT message MATCHES "${EXPECT}")
  message(FATAL_ERROR "compile check: the compile failed, but not with '${EXPECT}':\n${message}")
endif()

message(STATUS "compile check: failed as expected, with:\n${message}")
if(OUTPUT)
  file(WRITE ${OUTPUT} "${message}")
endif()
