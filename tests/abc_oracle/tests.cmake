# SPDX-License-Identifier: GPL-3.0-or-later
# The abc2midi oracle: NoteForge's melody of every ABC tune against abc2midi's (Debian abcmidi), read back with
# python3-mido. compare_abc2midi.py fails below the agreement asked for, and when a differing tune is not
# explained in known-differences.txt.
set(_abc_oracle "${CMAKE_CURRENT_SOURCE_DIR}/abc_oracle")

# Prints the notes NoteForge reads, so the comparison does not depend on the MIDI writer.
add_executable(abc_melody_dump "${_abc_oracle}/abc_melody_dump.cpp")
target_link_libraries(abc_melody_dump PRIVATE noteforge_music nf_warnings nf_sanitize)

find_program(NF_ABC2MIDI abc2midi)
set(_mido_python /usr/bin/python3)
if(EXISTS "${_mido_python}")
  execute_process(COMMAND "${_mido_python}" -c "import mido" RESULT_VARIABLE _no_mido OUTPUT_QUIET ERROR_QUIET)
else()
  set(_no_mido 1)
endif()

if(NOT NF_ABC2MIDI OR _no_mido)
  message(STATUS "abc2midi oracle tests skipped (need abc2midi and /usr/bin/python3 with mido)")
  return()
endif()

set(_compare "${_mido_python}" "${_abc_oracle}/compare_abc2midi.py" --known "${_abc_oracle}/known-differences.txt"
             --strict)
add_test(NAME abc_oracle.fixtures
         COMMAND ${_compare} --ours "dump:$<TARGET_FILE:abc_melody_dump>" "${CMAKE_CURRENT_SOURCE_DIR}/data/abc")
set_tests_properties(abc_oracle.fixtures PROPERTIES LABELS "abc_oracle" TIMEOUT 300)

if(EXISTS "${NF_SHARED_DATA}/abc/nottingham")
  add_test(NAME abc_oracle.nottingham
           COMMAND ${_compare} --min-agreement 99.5 --ours "dump:$<TARGET_FILE:abc_melody_dump>"
                   "${NF_SHARED_DATA}/abc/nottingham")
  set_tests_properties(abc_oracle.nottingham PROPERTIES LABELS "abc_oracle" TIMEOUT 900)
  # The same comparison through the product's own path: noteforge-cli convert FILE OUT.mid --tune X.
  if(TARGET noteforge-cli AND EXISTS "${CMAKE_SOURCE_DIR}/app/cli/ConvertCommand.cpp")
    add_test(NAME abc_oracle.nottingham_cli
             COMMAND ${_compare} --min-agreement 99.5 --ours "cli:$<TARGET_FILE:noteforge-cli>"
                     "${NF_SHARED_DATA}/abc/nottingham")
    set_tests_properties(abc_oracle.nottingham_cli PROPERTIES LABELS "abc_oracle" TIMEOUT 1800)
  endif()
endif()

# A second, harder collection: old-time tunes with pick-ups, endings on continued lines, grace chords and
# repeats after double bars (CC BY-SA 4.0, read where it lies, never copied into the repository).
if(EXISTS "${NF_SHARED_DATA}/abc/rjl20-oldtime")
  add_test(NAME abc_oracle.rjl20_oldtime
           COMMAND ${_compare} --min-agreement 97 --ours "dump:$<TARGET_FILE:abc_melody_dump>"
                   "${NF_SHARED_DATA}/abc/rjl20-oldtime")
  set_tests_properties(abc_oracle.rjl20_oldtime PROPERTIES LABELS "abc_oracle" TIMEOUT 600)
  if(TARGET noteforge-cli AND EXISTS "${CMAKE_SOURCE_DIR}/app/cli/ConvertCommand.cpp")
    add_test(NAME abc_oracle.rjl20_oldtime_cli
             COMMAND ${_compare} --min-agreement 97 --ours "cli:$<TARGET_FILE:noteforge-cli>"
                     "${NF_SHARED_DATA}/abc/rjl20-oldtime")
    set_tests_properties(abc_oracle.rjl20_oldtime_cli PROPERTIES LABELS "abc_oracle" TIMEOUT 900)
  endif()
endif()
