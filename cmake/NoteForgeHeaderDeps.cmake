# SPDX-License-Identifier: GPL-3.0-or-later
# fmt and nlohmann-json: Debian's packages (libfmt-dev, nlohmann-json3-dev) where they are installed. A GPU server
# may have nothing but a compiler, CMake and a PyTorch, and no package manager to install them with: there the
# same two libraries are taken as headers from NF_DEPS_INCLUDE (a folder holding fmt/ and nlohmann/; the bundle of
# packaging/training-module-bundle.sh carries Debian's copies), fmt in its header-only mode. Nothing is vendored
# into the source tree.
find_package(fmt QUIET)
find_package(nlohmann_json QUIET)

if(NOT TARGET fmt::fmt)
  find_path(NF_FMT_INCLUDE fmt/format.h HINTS "${NF_DEPS_INCLUDE}" NO_DEFAULT_PATH)
  if(NOT NF_FMT_INCLUDE)
    message(FATAL_ERROR "fmt not found: install libfmt-dev, or pass -DNF_DEPS_INCLUDE=DIR with the fmt/ and nlohmann/ "
                        "headers (packaging/training-module-bundle.sh makes such a bundle)")
  endif()
  add_library(fmt::fmt INTERFACE IMPORTED GLOBAL)
  target_include_directories(fmt::fmt INTERFACE "${NF_FMT_INCLUDE}")
  target_compile_definitions(fmt::fmt INTERFACE FMT_HEADER_ONLY=1)
  message(STATUS "fmt: header-only from ${NF_FMT_INCLUDE}")
endif()

if(NOT TARGET nlohmann_json::nlohmann_json)
  find_path(NF_JSON_INCLUDE nlohmann/json.hpp HINTS "${NF_DEPS_INCLUDE}" NO_DEFAULT_PATH)
  if(NOT NF_JSON_INCLUDE)
    message(FATAL_ERROR "nlohmann-json not found: install nlohmann-json3-dev, or pass -DNF_DEPS_INCLUDE=DIR with the "
                        "fmt/ and nlohmann/ headers (packaging/training-module-bundle.sh makes such a bundle)")
  endif()
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED GLOBAL)
  target_include_directories(nlohmann_json::nlohmann_json INTERFACE "${NF_JSON_INCLUDE}")
  message(STATUS "nlohmann-json: headers from ${NF_JSON_INCLUDE}")
endif()
