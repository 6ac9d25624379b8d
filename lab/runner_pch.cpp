// A file for CMake to build lab/runner_pch.hpp with.
