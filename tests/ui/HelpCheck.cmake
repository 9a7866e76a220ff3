# SPDX-License-Identifier: GPL-3.0-or-later
# `noteforge --help` and `--version` on a machine without a display: no DISPLAY/WAYLAND_DISPLAY and the xcb platform
# asked for, where creating a QApplication would abort. Both must print and exit 0 before any window system is touched.
foreach(flag --help --version)
  execute_process(COMMAND env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb "${APP}" ${flag}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "noteforge ${flag} without a display failed (${rc}):\n${out}\n${err}")
  endif()
  if(flag STREQUAL "--help")
    set(expected "--screenshot")
  else()
    set(expected "${VERSION}")
  endif()
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "noteforge ${flag}: '${expected}' missing in:\n${out}\n${err}")
  endif()
endforeach()
