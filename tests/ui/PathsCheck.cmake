# SPDX-License-Identifier: GPL-3.0-or-later
# Runs `noteforge --paths` with the XDG folders (data, state, config and the music folder) pointed at WORK and
# OMP_WAIT_POLICY unset, then with it set.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/config")
file(WRITE "${WORK}/config/user-dirs.dirs" "XDG_MUSIC_DIR=\"${WORK}/music\"\n")
execute_process(COMMAND env -u OMP_WAIT_POLICY XDG_DATA_HOME=${WORK}/data XDG_CONFIG_HOME=${WORK}/config
                        XDG_STATE_HOME=${WORK}/state QT_QPA_PLATFORM=offscreen "${APP}" --paths
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "noteforge --paths failed (${rc}): ${err}")
endif()
foreach(expected "models: ${WORK}/data/noteforge/models" "projects: ${WORK}/music/NoteForge"
                 "autosave: ${WORK}/data/noteforge/autosave.nfproject" "logs: ${WORK}/state/noteforge/logs"
                 "settings: ${WORK}/config/NoteForge/NoteForge.conf" "OMP_WAIT_POLICY: passive")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing '${expected}' in:\n${out}")
  endif()
endforeach()
# A policy the user chose is kept.
execute_process(COMMAND env OMP_WAIT_POLICY=active XDG_DATA_HOME=${WORK}/data "${APP}" --paths
                OUTPUT_VARIABLE out RESULT_VARIABLE rc)
string(FIND "${out}" "OMP_WAIT_POLICY: active" at)
if(NOT rc EQUAL 0 OR at EQUAL -1)
  message(FATAL_ERROR "the user's OMP_WAIT_POLICY was not kept:\n${out}")
endif()
