# SPDX-License-Identifier: GPL-3.0-or-later
# Studio playback through the real sound engine, on the private JACK server of tests/audio's audio_jack fixture.
if(TARGET test_ui AND DEFINED NF_JACK_SERVER)
  add_test(NAME ui_jack_Playback COMMAND test_ui --gtest_filter=JackPlayback.*)
  set_tests_properties(ui_jack_Playback PROPERTIES
                       FIXTURES_REQUIRED audio_jack
                       RESOURCE_LOCK nf_jack_server
                       RUN_SERIAL TRUE
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;JACK_DEFAULT_SERVER=${NF_JACK_SERVER};JACK_NO_AUDIO_RESERVATION=1"
                       LABELS "ui;jack"
                       TIMEOUT 300)
endif()

# `noteforge --paths`: per-user folders follow $XDG_DATA_HOME/$XDG_CONFIG_HOME, and the studio sets passive OpenMP
# waiting for itself (it restarts in place so libgomp reads it) when the user did not choose a policy.
if(TARGET noteforge)
  add_test(NAME ui_paths_and_openmp
           COMMAND ${CMAKE_COMMAND} -DAPP=$<TARGET_FILE:noteforge> -DWORK=${CMAKE_CURRENT_BINARY_DIR}/paths_check
                   -P ${CMAKE_CURRENT_LIST_DIR}/PathsCheck.cmake)
  set_tests_properties(ui_paths_and_openmp PROPERTIES LABELS "ui" TIMEOUT 120)
endif()

# `noteforge --help` and `--version` answer without a display (parsed before any QApplication exists).
if(TARGET noteforge)
  add_test(NAME ui_help_without_display
           COMMAND ${CMAKE_COMMAND} -DAPP=$<TARGET_FILE:noteforge> -DVERSION=${PROJECT_VERSION}
                   -P ${CMAKE_CURRENT_LIST_DIR}/HelpCheck.cmake)
  set_tests_properties(ui_help_without_display PROPERTIES LABELS "ui" TIMEOUT 60)
endif()

# The shortcut tests again on a desktop whose Redo is Ctrl+Shift+Z itself (GNOME, under a private Xvfb display): the
# offscreen platform's Redo starts with Ctrl+Y and would not show a sequence bound twice.
find_program(NF_XVFB_RUN xvfb-run)
if(TARGET test_ui AND NF_XVFB_RUN)
  add_test(NAME ui_shortcuts_gnome
           COMMAND ${NF_XVFB_RUN} -a env QT_QPA_PLATFORM=xcb XDG_CURRENT_DESKTOP=GNOME
                   $<TARGET_FILE:test_ui> --gtest_filter=Shortcuts.*)
  set_tests_properties(ui_shortcuts_gnome PROPERTIES LABELS "ui" TIMEOUT 120)
endif()

# The studio's language from the environment, as a desktop session sets it (QLocale::system() reads it once, at
# start): German under a German locale, English under C. The other Translations tests choose their locale in code.
if(TARGET test_ui)
  foreach(_nf_lang de en)
    if(_nf_lang STREQUAL "de")
      set(_nf_locale "LANGUAGE=;LC_ALL=de_DE.UTF-8;LANG=de_DE.UTF-8")
    else()
      set(_nf_locale "LANGUAGE=;LC_ALL=C.UTF-8;LANG=C.UTF-8")
    endif()
    add_test(NAME ui_translations_from_environment_${_nf_lang}
             COMMAND test_ui --gtest_filter=Translations.TheEnvironmentChoosesTheLanguage)
    set_tests_properties(ui_translations_from_environment_${_nf_lang} PROPERTIES
                         ENVIRONMENT "QT_QPA_PLATFORM=offscreen;NF_TEST_LANGUAGE=${_nf_lang};${_nf_locale}"
                         LABELS "ui" TIMEOUT 60)
  endforeach()
endif()

# The studio's include layers: no cycles between ui/ folders, and no part includes the window (it gets a
# StudioContext). Runs in every configuration, without building anything.
find_program(NF_PYTHON3 python3)
if(NF_PYTHON3)
  add_test(NAME ui_include_layers
           COMMAND ${NF_PYTHON3} "${PROJECT_SOURCE_DIR}/tests/tools/check_include_layers.py" "${PROJECT_SOURCE_DIR}/ui")
  set_tests_properties(ui_include_layers PROPERTIES LABELS "ui")
endif()

# Training on another machine over SSH, against a private sshd on the loopback address (sshd_fixture.sh): the
# fixture writes the client configuration the tests name through NF_SSH_CONFIG. Needs openssh-server (the test tier
# of packaging/setup-debian.sh); without sshd the tests are not registered here and skip in plain test_ui runs.
find_program(NF_SSHD sshd PATHS /usr/sbin /sbin)
if(TARGET test_ui AND TARGET noteforge-cli AND NF_SSHD)
  set(_nf_sshd_dir "${CMAKE_BINARY_DIR}/sshd-fixture")
  add_test(NAME ui_sshd_start COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/sshd_fixture.sh" start "${_nf_sshd_dir}")
  add_test(NAME ui_sshd_stop COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/sshd_fixture.sh" stop "${_nf_sshd_dir}")
  set_tests_properties(ui_sshd_start PROPERTIES FIXTURES_SETUP loopback_sshd LABELS "ui;ssh")
  set_tests_properties(ui_sshd_stop PROPERTIES FIXTURES_CLEANUP loopback_sshd LABELS "ui;ssh")
  add_test(NAME ui_remote_training COMMAND test_ui --gtest_filter=RemoteTraining.*)
  set_tests_properties(ui_remote_training PROPERTIES
                       FIXTURES_REQUIRED loopback_sshd
                       RESOURCE_LOCK nf_loopback_sshd
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;NF_SSH_CONFIG=${_nf_sshd_dir}/ssh_config"
                       LABELS "ui;ssh"
                       TIMEOUT 600)
elseif(TARGET test_ui)
  message(STATUS "sshd not found: the remote-training tests (over a loopback sshd) will be skipped")
endif()
# The trainer built there by the studio when that machine has none of its version: a whole trainer-only build from
# the bundle (packaging/trainer-bundle.sh) over the loopback sshd, then a run with it. Slow: its own entry.
# (The bundle's target is made later, in packaging/: its condition, the headers it packs, is asked here.)
if(TARGET test_ui AND TARGET noteforge-cli AND NF_SSHD AND EXISTS /usr/include/CLI/CLI.hpp
   AND EXISTS /usr/include/fmt/format.h AND EXISTS /usr/include/nlohmann/json.hpp)
  add_test(NAME ui_remote_trainer_build COMMAND test_ui --gtest_filter=RemoteTraining.BuildsTheTrainerThereWhenItIsMissing)
  set_tests_properties(ui_remote_trainer_build PROPERTIES
                       FIXTURES_REQUIRED loopback_sshd
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;NF_SSH_CONFIG=${_nf_sshd_dir}/ssh_config;NF_TEST_REMOTE_BUILD=1"
                       LABELS "ui;ssh;slow"
                       TIMEOUT 3600)
endif()
