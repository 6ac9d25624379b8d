# Warnings are errors in the project's own code. Boost, Catch2 and Google Benchmark come from
# /usr/include, a system directory, so their own warnings stay quiet.
option(ASYNCLAB_WERROR "Treat warnings as errors" ON)

add_compile_options(-Wall -Wextra -Wpedantic)
if(ASYNCLAB_WERROR)
  add_compile_options(-Werror)
endif()
