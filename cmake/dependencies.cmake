# Everything comes from Debian packages; cmake/install_dependencies.sh installs them.
find_package(Threads REQUIRED)
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS json)  # Asio and Beast are header-only; JSON is compiled
find_package(Catch2 2.13 REQUIRED)
find_package(benchmark 1.7 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(fmt 9 REQUIRED)

include(Catch)  # catch_discover_tests

# Everything that writes coroutines links this: Boost's headers plus the flags Asio needs.
add_library(asynclab_asio INTERFACE)
target_link_libraries(asynclab_asio INTERFACE Boost::headers Threads::Threads)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # g++ 12 reports a false -Wmismatched-new-delete inside Asio's parallel_group.
  target_compile_options(asynclab_asio INTERFACE -Wno-mismatched-new-delete)
endif()

option(ASYNCLAB_PCH "Precompile the Asio headers once and reuse them in every coroutine file" ON)
