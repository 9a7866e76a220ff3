# SPDX-License-Identifier: GPL-3.0-or-later
# Compiler settings shared by every NoteForge target.

find_program(NF_CCACHE ccache)
if(NF_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${NF_CCACHE}")
endif()

add_library(nf_warnings INTERFACE)
target_compile_options(nf_warnings INTERFACE -Wall -Wextra)

add_library(nf_sanitize INTERFACE)
if(NF_SANITIZE)
  target_compile_options(nf_sanitize INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                               -fno-sanitize-recover=undefined)
  target_link_options(nf_sanitize INTERFACE -fsanitize=address,undefined)
endif()

# Fuzzers instrument the code under test with libFuzzer's coverage hooks.
if(NF_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "NF_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  target_compile_options(nf_sanitize INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(nf_sanitize INTERFACE -fsanitize=address,undefined)
endif()

# nf_add_sources(target dir...): adds every .cpp of the given folders (relative to the current source dir).
function(nf_add_sources target)
  foreach(dir IN LISTS ARGN)
    file(GLOB _srcs CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*.cpp")
    target_sources(${target} PRIVATE ${_srcs})
  endforeach()
endfunction()
