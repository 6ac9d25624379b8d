# asynclab_add_compile_check(NAME <test> SOURCE <file> EXPECT <regex>) proves a claim about the
# compiler: that <file> does NOT compile with the project's warnings as errors, and that the
# compiler says why in words matching <regex>. It adds
#
#   the ctest test <test>, which compiles <file> (syntax only) and passes when the compile fails
#                with that message
#   docs/generated/<file's stem>.txt, the compiler's message as the docs build saw it, which a lesson
#                page shows with \verbinclude (the docs target depends on it via
#                asynclab_add_compile_check_docs, called after asynclab_add_docs)

set(ASYNCLAB_COMPILE_CHECK_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/scripts/compile_check.cmake)

function(asynclab_add_compile_check)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;SOURCE;EXPECT" "")
  set(source ${arg_SOURCE})
  get_filename_component(stem ${source} NAME_WE)
  set(check ${CMAKE_COMMAND} -DCOMPILER=${CMAKE_CXX_COMPILER} -DSOURCE=${source}
            "-DINCLUDES=$<JOIN:$<TARGET_PROPERTY:Boost::headers,INTERFACE_INCLUDE_DIRECTORIES>,|>"
            "-DEXPECT=${arg_EXPECT}" -DSOURCE_DIR=${PROJECT_SOURCE_DIR})

  add_test(NAME ${arg_NAME} COMMAND ${check} -P ${ASYNCLAB_COMPILE_CHECK_SCRIPT})
  set_tests_properties(${arg_NAME} PROPERTIES LABELS "compile_check")

  set(generated ${PROJECT_BINARY_DIR}/docs/generated/${stem}.txt)
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${check} -DOUTPUT=${generated} -P ${ASYNCLAB_COMPILE_CHECK_SCRIPT}
    DEPENDS ${PROJECT_SOURCE_DIR}/${source} ${ASYNCLAB_COMPILE_CHECK_SCRIPT}
    COMMENT "Compiling ${source} to capture its warning for the docs"
    VERBATIM)
  set_property(GLOBAL APPEND PROPERTY ASYNCLAB_COMPILE_CHECK_OUTPUTS ${generated})
endfunction()

# The docs target waits for every compile check's captured message.
function(asynclab_add_compile_check_docs)
  get_property(outputs GLOBAL PROPERTY ASYNCLAB_COMPILE_CHECK_OUTPUTS)
  if(outputs AND TARGET docs)
    add_custom_target(compile_check_messages DEPENDS ${outputs})
    add_dependencies(docs compile_check_messages)
  endif()
endfunction()
