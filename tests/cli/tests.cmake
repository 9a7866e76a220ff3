# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of noteforge-cli: test_cli runs the real executable (exit codes, error lines, JSON fields), plus a check
# that the bundled demo dataset still matches the SHA-256 sums of resources/demo/MANIFEST.md.
if(TARGET noteforge-cli)
  find_package(nlohmann_json REQUIRED)
  nf_add_test_suite(cli LIBS noteforge_cli_commands noteforge_core nlohmann_json::nlohmann_json GTest::gtest_main)
  if(TARGET test_cli)
    add_dependencies(test_cli noteforge-cli)
    # A module of an unknown interface version, for the test that the programs refuse it (CliTrainingModuleTest).
    add_library(nf_fake_training_module MODULE "${CMAKE_CURRENT_LIST_DIR}/../support/FakeTrainingModule.cpp")
    target_include_directories(nf_fake_training_module PRIVATE "${CMAKE_SOURCE_DIR}/core")
    add_dependencies(test_cli nf_fake_training_module)
    target_compile_definitions(test_cli PRIVATE NF_FAKE_TRAINING_MODULE="$<TARGET_FILE:nf_fake_training_module>")
  endif()
endif()
add_test(NAME demo_manifest
         COMMAND ${CMAKE_COMMAND} -DDEMO_DIR=${CMAKE_SOURCE_DIR}/resources/demo
                 -P ${CMAKE_CURRENT_LIST_DIR}/check_demo_manifest.cmake)
set_tests_properties(demo_manifest PROPERTIES LABELS "cli")

# The programs do not link LibTorch: generation, playback and export run without it (training is a module).
if(TARGET noteforge-cli)
  set(_nf_programs $<TARGET_FILE:noteforge-cli>)
  if(TARGET noteforge)
    list(APPEND _nf_programs $<TARGET_FILE:noteforge>)
  endif()
  add_test(NAME programs_without_libtorch
           COMMAND sh -c "for p in \"$@\"; do if ldd \"$p\" | grep -E 'libtorch|libc10'; then echo \"$p links LibTorch\"; exit 1; fi; done"
                   check ${_nf_programs})
  set_tests_properties(programs_without_libtorch PROPERTIES LABELS "cli")
endif()
