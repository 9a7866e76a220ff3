# SPDX-License-Identifier: GPL-3.0-or-later
# MIDI -> MIDI conversion checked by an independent reader: for every real MIDI file of ../shared/data/midi,
# `noteforge-cli convert IN OUT.mid` must keep each note's onset and duration in seconds, pitch, velocity and
# channel as python3-mido computes them. One test per collection. Debian's /usr/bin/python3 has python3-mido;
# a python3 found first on PATH may not.
set(_nf_oracle_python /usr/bin/python3)
set(_nf_oracle_script "${CMAKE_CURRENT_LIST_DIR}/midi_oracle.py")
if(TARGET noteforge-cli AND EXISTS "${NF_SHARED_DATA}/midi" AND EXISTS "${_nf_oracle_python}")
  add_test(NAME midi_oracle.selftest
           COMMAND ${_nf_oracle_python} ${_nf_oracle_script} selftest
                   "${NF_SHARED_DATA}/midi/openmsx/moo_redfarn.mid" --out "${CMAKE_BINARY_DIR}/midi_oracle/selftest")
  set_tests_properties(midi_oracle.selftest PROPERTIES LABELS midi_oracle)

  # Deliberately broken collections may have files NoteForge refuses; exactly these, each with a one-line error.
  set(_nf_rejected_jazz-soft-test-midi-files
      "test-2-tracks-type-2.mid,test-empty-file.mid,test-not-a-midi-file.mid")
  set(_nf_rejected_music21-testPrimitive "")
  file(GLOB _nf_midi_folders LIST_DIRECTORIES true "${NF_SHARED_DATA}/midi/*")
  foreach(folder IN LISTS _nf_midi_folders)
    if(NOT IS_DIRECTORY "${folder}")
      continue()
    endif()
    get_filename_component(name "${folder}" NAME)
    set(_args)
    if(DEFINED _nf_rejected_${name})
      set(_args --may-fail "--expect-rejected=${_nf_rejected_${name}}")
    endif()
    add_test(NAME midi_oracle.${name}
             COMMAND ${_nf_oracle_python} ${_nf_oracle_script} corpus --cli $<TARGET_FILE:noteforge-cli>
                     --out "${CMAKE_BINARY_DIR}/midi_oracle/${name}" ${_args} "${folder}")
    set_tests_properties(midi_oracle.${name} PROPERTIES LABELS midi_oracle TIMEOUT 600)
  endforeach()
endif()
