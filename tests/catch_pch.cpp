// The precompiled Catch2 header every lesson's test reuses: a file for CMake to build it with.
