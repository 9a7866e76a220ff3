# SPDX-License-Identifier: GPL-3.0-or-later
# test_training also checks the private LibTorch layer (fused LSTM gradients, Keras initialisation, tensor I/O),
# so it sees LibTorch's headers (the imported target is global, see core/training/CMakeLists.txt); the rest of it
# uses the plain C++ engine API.
if(TARGET test_training)
  target_link_libraries(test_training PRIVATE torch)
  if(TARGET noteforge-cli)
    add_dependencies(test_training noteforge-cli)
  endif()
endif()

# NCCL's code (core/training/engine/NcclGroup.cpp) is built only against a CUDA LibTorch, which CI never has. Where
# CUDA's headers and NCCL's are installed, this test compiles that file with NCCL on, against this LibTorch's own
# c10d/ProcessGroupNCCL.hpp (every LibTorch ships it, Debian's 1.13 too), so a misspelt call, or a signature this
# LibTorch does not have, fails here rather than first on a GPU machine. Types only, and for this LibTorch's version
# only: nothing is linked or run, and the file's branches for other versions (PyTorch 2.2+'s) are not compiled.
if(TARGET noteforge_training_engine AND NF_HAVE_C10D_GLOO AND NOT NF_HAVE_NCCL)
  find_path(NF_CHECK_C10D_NCCL_HEADER_DIR torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp
            HINTS ${TORCH_INCLUDE_DIRS} /usr/include)
  # Each header where it lies: NVIDIA's libnccl-dev puts nccl.h in /usr/include, beside no CUDA toolkit.
  find_path(NF_CHECK_CUDA_INCLUDE_DIR cuda_runtime.h HINTS $ENV{CUDA_HOME}/include $ENV{CUDA_PATH}/include /usr/local/cuda/include)
  find_path(NF_CHECK_NCCL_INCLUDE_DIR nccl.h HINTS $ENV{NCCL_INCLUDE_DIR} $ENV{CUDA_HOME}/include /usr/local/cuda/include)
  if(NF_CHECK_C10D_NCCL_HEADER_DIR AND NF_CHECK_CUDA_INCLUDE_DIR AND NF_CHECK_NCCL_INCLUDE_DIR)
    # A CPU-only LibTorch lacks the one header its CUDA build generates; c10d's includes need only its name.
    # -idirafter: a LibTorch that has its own keeps it.
    set(_nf_shim "${CMAKE_CURRENT_BINARY_DIR}/nccl-compile-check")
    file(WRITE "${_nf_shim}/c10/cuda/impl/cuda_cmake_macros.h"
         "#pragma once\n// Written by tests/training/tests.cmake for a compile-only check.\n#define C10_CUDA_BUILD_SHARED_LIBS\n")
    set(_nf_gloo_include "")
    if(NF_GLOO_INCLUDE_DIR AND NOT NF_GLOO_INCLUDE_DIR MATCHES "^/usr/include/?$")
      set(_nf_gloo_include "-I${NF_GLOO_INCLUDE_DIR}")
    endif()
    add_test(NAME NcclGroup.CompilesAgainstC10dNccl
             COMMAND "${CMAKE_CXX_COMPILER}" -std=c++20 -fsyntax-only -Wall -Wextra -Werror
                     -DUSE_C10D_NCCL -DUSE_C10D_GLOO -DNF_HAVE_NCCL -DUSE_DISTRIBUTED
                     "-I${PROJECT_SOURCE_DIR}/core"
                     # -isystem as the build does (LibTorch's headers are not warning-free), but never for
                     # /usr/include itself, which would break libstdc++'s #include_next.
                     "-isystem;$<JOIN:$<FILTER:$<TARGET_PROPERTY:torch,INTERFACE_INCLUDE_DIRECTORIES>,EXCLUDE,^/usr(/lib/\\.\\.)?/include/?$>,;-isystem;>"
                     "$<TARGET_PROPERTY:torch,INTERFACE_COMPILE_OPTIONS>"
                     ${_nf_gloo_include} -isystem "${NF_CHECK_CUDA_INCLUDE_DIR}" -isystem "${NF_CHECK_NCCL_INCLUDE_DIR}"
                     -idirafter "${_nf_shim}"
                     "${PROJECT_SOURCE_DIR}/core/training/engine/NcclGroup.cpp"
             COMMAND_EXPAND_LISTS)
    set_tests_properties(NcclGroup.CompilesAgainstC10dNccl PROPERTIES LABELS training)
    message(STATUS "NCCL's code is compile-checked against ${NF_CHECK_NCCL_INCLUDE_DIR}/nccl.h (test NcclGroup.CompilesAgainstC10dNccl)")
  else()
    message(STATUS "NCCL's code is not compile-checked: no CUDA headers (cuda_runtime.h: CUDA_HOME, /usr/local/cuda) or no nccl.h")
  endif()
endif()
