# SPDX-License-Identifier: GPL-3.0-or-later
# Relocation of an installed tree: `cmake --install` into a temporary prefix, move it, and check the installed
# noteforge-cli finds the demo data and the bundled soundfont beside itself, and never falls back on this source
# tree. (The Debian package itself is checked by packaging/package-check.sh, test-all.sh's "package" phase.)
if(NOT NF_BUILD_CLI)
  return()
endif()
add_test(NAME packaging.relocation
         COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/packaging/relocation.sh" "${CMAKE_BINARY_DIR}" "${CMAKE_SOURCE_DIR}")
set_tests_properties(packaging.relocation PROPERTIES LABELS "packaging" TIMEOUT 300)
