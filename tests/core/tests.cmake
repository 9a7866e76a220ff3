# SPDX-License-Identifier: GPL-3.0-or-later
# The corpus script of the base models (bench/corpora/build-corpus.sh, docs/data-sources.md) on a fake mirror the
# test makes: a temporary git repository with MIDI, MusicXML and a LICENSE. Needs bash and git, nothing built; with
# noteforge-cli built it also reads the corpus back.
find_program(NF_BASH bash)
find_program(NF_GIT git)
if(NF_BASH AND NF_GIT)
  set(_nf_corpus_cli "")
  if(TARGET noteforge-cli)
    set(_nf_corpus_cli "$<TARGET_FILE:noteforge-cli>")
  endif()
  add_test(NAME corpus_build_script
           COMMAND ${NF_BASH} "${PROJECT_SOURCE_DIR}/tests/tools/build_corpus_test.sh" "${PROJECT_SOURCE_DIR}"
                   ${_nf_corpus_cli})
  set_tests_properties(corpus_build_script PROPERTIES LABELS "core" TIMEOUT 120)
endif()
