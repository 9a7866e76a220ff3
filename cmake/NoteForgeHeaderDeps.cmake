# SPDX-License-Identifier: GPL-3.0-or-later
# fmt and nlohmann-json: Debian's packages (libfmt-dev, nlohmann-json3-dev) where they are installed. A GPU server
# may have nothing but a compiler, CMake and a PyTorch, and no package manager to install them with: there the
# same two libraries are taken as headers from NF_DEPS_INCLUDE (a folder holding fmt/ and nlohmann/; the bundle of
# packaging/training-module-bundle.sh carries Debian's copies), fmt in its header-only mode. Nothing is vendored
# into the source tree.
find_package(fmt QUIET)
find_package(nlohmann_json QUIET)

# nf_header_dependency(TARGET HEADER PACKAGE [DEFINE]): TARGET as an imported header-only target from NF_DEPS_INCLUDE,
# unless find_package already made it.
function(nf_header_dependency target header package)
  if(TARGET ${target})
    return()
  endif()
  string(MAKE_C_IDENTIFIER "NF_${package}_INCLUDE" _var)
  find_path(${_var} ${header} HINTS "${NF_DEPS_INCLUDE}" NO_DEFAULT_PATH)
  if(NOT ${_var})
    message(FATAL_ERROR "${package} not found: install ${package}, or pass -DNF_DEPS_INCLUDE=DIR with the fmt/ and "
                        "nlohmann/ headers (packaging/training-module-bundle.sh makes such a bundle)")
  endif()
  add_library(${target} INTERFACE IMPORTED GLOBAL)
  target_include_directories(${target} INTERFACE "${${_var}}")
  if(ARGN)
    target_compile_definitions(${target} INTERFACE ${ARGN})
  endif()
  message(STATUS "${package}: headers from ${${_var}}")
endfunction()

nf_header_dependency(fmt::fmt fmt/format.h libfmt-dev FMT_HEADER_ONLY=1)
nf_header_dependency(nlohmann_json::nlohmann_json nlohmann/json.hpp nlohmann-json3-dev)
