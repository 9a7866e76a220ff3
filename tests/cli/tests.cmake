# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of noteforge-cli: test_cli runs the real executable (exit codes, error lines, JSON fields), plus a check
# that the bundled demo dataset still matches the SHA-256 sums of resources/demo/MANIFEST.md.
if(TARGET noteforge-cli)
  find_package(nlohmann_json REQUIRED)
  nf_add_test_suite(cli LIBS noteforge_cli_commands noteforge_core nlohmann_json::nlohmann_json GTest::gtest_main)
  if(TARGET test_cli)
    add_dependencies(test_cli noteforge-cli)
  endif()
endif()
add_test(NAME demo_manifest
         COMMAND ${CMAKE_COMMAND} -DDEMO_DIR=${CMAKE_SOURCE_DIR}/resources/demo
                 -P ${CMAKE_CURRENT_LIST_DIR}/check_demo_manifest.cmake)
set_tests_properties(demo_manifest PROPERTIES LABELS "cli")
