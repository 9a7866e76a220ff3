# SPDX-License-Identifier: GPL-3.0-or-later
# Audio tests that need a real JACK server: one private server (dummy backend, 256-frame buffers, synchronous mode:
# see jack_fixture.sh) started by a ctest fixture, its name exported to the tests as JACK_DEFAULT_SERVER, stopped by
# the fixture's cleanup. The same tests run inside the plain test_audio discovery too, where they skip unless a JACK
# server is already up.
if(NOT TARGET test_audio)
  return()
endif()
# The PulseAudio/PipeWire stream's name, against a private PulseAudio server with a null sink.
find_program(NF_PULSEAUDIO pulseaudio)
find_program(NF_PACTL pactl)
if(NF_PULSEAUDIO AND NF_PACTL AND TARGET noteforge-cli)
  add_test(NAME audio_pulse_stream_name
           COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/pulse_stream_name.sh" $<TARGET_FILE:noteforge-cli>
                   "${PROJECT_SOURCE_DIR}/resources/demo/midi/pianobooster/BeginnerCourse-01-StartWithMiddleC.mid")
  set_tests_properties(audio_pulse_stream_name PROPERTIES LABELS "audio" TIMEOUT 120)
else()
  message(STATUS "pulseaudio/pactl not found: the PulseAudio stream-name test will be skipped")
endif()

# The test-only JACK client (JackMidiBurst) writes MIDI at chosen frames through libjack itself.
find_package(PkgConfig REQUIRED)
pkg_check_modules(NF_TEST_JACK REQUIRED IMPORTED_TARGET jack)
target_link_libraries(test_audio PRIVATE PkgConfig::NF_TEST_JACK)

find_program(NF_JACKD jackd)
if(NOT NF_JACKD)
  message(STATUS "jackd not found: JACK playback and MIDI tests will be skipped")
  return()
endif()

string(MD5 _nf_jack_hash "${CMAKE_BINARY_DIR}")
string(SUBSTRING "${_nf_jack_hash}" 0 10 _nf_jack_hash)
set(NF_JACK_SERVER "nf-ctest-${_nf_jack_hash}")
set(_nf_jack_pid "${CMAKE_BINARY_DIR}/${NF_JACK_SERVER}.pid")

add_test(NAME audio_jack_server_start
         COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/jack_fixture.sh" start ${NF_JACK_SERVER} "${_nf_jack_pid}")
add_test(NAME audio_jack_server_stop
         COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/jack_fixture.sh" stop ${NF_JACK_SERVER} "${_nf_jack_pid}")
set_tests_properties(audio_jack_server_start PROPERTIES FIXTURES_SETUP audio_jack LABELS "audio;jack")
set_tests_properties(audio_jack_server_stop PROPERTIES FIXTURES_CLEANUP audio_jack LABELS "audio;jack")

# One ctest entry per group so a failure names what broke; all share the server, one at a time, and each runs alone
# (RUN_SERIAL): a non-realtime JACK server starved by parallel tests drops whole periods of MIDI.
foreach(_group Playback Midi CliJack)
  if(_group STREQUAL "CliJack")
    set(_filter "CliJack.*")
  else()
    set(_filter "Jack${_group}.*")
  endif()
  add_test(NAME audio_jack_${_group} COMMAND test_audio --gtest_filter=${_filter})
  set_tests_properties(audio_jack_${_group} PROPERTIES
                       FIXTURES_REQUIRED audio_jack
                       RESOURCE_LOCK nf_jack_server
                       RUN_SERIAL TRUE
                       ENVIRONMENT "JACK_DEFAULT_SERVER=${NF_JACK_SERVER};JACK_NO_AUDIO_RESERVATION=1"
                       LABELS "audio;jack"
                       TIMEOUT 300)
endforeach()
