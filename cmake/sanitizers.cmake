# ASYNCLAB_SANITIZER selects a sanitizer build: "address;undefined" (the asan preset) or "thread"
# (the tsan preset). Empty means none.
set(ASYNCLAB_SANITIZER "" CACHE STRING "Sanitizers to build with: address;undefined, or thread")

if(ASYNCLAB_SANITIZER)
  list(JOIN ASYNCLAB_SANITIZER "," sanitizers)
  add_compile_options(-fsanitize=${sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${sanitizers})

  # g++ warns that TSan does not understand std::atomic_thread_fence, which Asio uses; a known
  # false alarm with Boost 1.81 that -Werror would turn into a failed build.
  include(CheckCXXCompilerFlag)
  check_cxx_compiler_flag(-Wno-tsan has_wno_tsan)
  if("thread" IN_LIST ASYNCLAB_SANITIZER AND has_wno_tsan)
    add_compile_options(-Wno-tsan)
  endif()
endif()
