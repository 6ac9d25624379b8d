# asynclab_warnings(<target>): the project's warnings on one of its own targets, as errors unless
# ASYNCLAB_WERROR is off. Boost, Catch2 and Google Benchmark come from /usr/include, a system
# directory, so their own warnings stay quiet.
option(ASYNCLAB_WERROR "Treat warnings as errors" ON)

function(asynclab_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wold-style-cast
    -Wformat=2 -Wimplicit-fallthrough
    # A lesson is data written with designated initializers that leave defaults out on purpose.
    -Wno-missing-field-initializers)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # g++ 12 at -O3 reports a false -Wrestrict inside std::string's operator+ (GCC bug 105329).
    target_compile_options(${target} PRIVATE -Wno-restrict)
    # Under the sanitizers, g++ 12 reports a false -Wmaybe-uninitialized inside std::regex's
    # std::function members (the instrumentation hides the initialisation from the analysis).
    if(ASYNCLAB_SANITIZER)
      target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
  endif()
  if(ASYNCLAB_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
