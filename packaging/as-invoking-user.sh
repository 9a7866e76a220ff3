# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced (bash) by demo.sh and test-all.sh, from the clone's top folder, once the packages are installed:
#   nf_continue_as_invoking_user DIR... -- COMMAND [ARG...]
# Under sudo (root, with SUDO_USER naming a user other than root) it runs COMMAND as that user in place of this
# shell (exec), so the build folders and results in the user's clone belong to the user and the compile cache is
# the user's; DIR... are the folders the job writes in the clone: any of them an earlier run as root left behind is
# given back to the user first. It returns (and the caller goes on as root, as before) when not under sudo, when
# SUDO_USER is no user here, or when that user cannot write the clone (a clone in a folder only root may write).
# COMMAND runs with this environment (sudo has already reduced it), minus root's XDG folders; HOME is the user's,
# XDG_RUNTIME_DIR the user's /run/user/UID when it exists (a desktop session's, for the studio and JACK).
nf_continue_as_invoking_user() {
  local user=${SUDO_USER:-} dirs=() d uid
  while [ $# -gt 0 ] && [ "$1" != -- ]; do dirs+=("$1"); shift; done
  [ "${1:-}" = -- ] && shift
  [ "$(id -u)" -eq 0 ] && [ -n "$user" ] && [ "$user" != root ] || return 0
  if ! uid=$(id -u "$user" 2>/dev/null); then
    echo "$(basename "$0"): SUDO_USER=$user is not a user on this machine; going on as root" >&2
    return 0
  fi
  if ! runuser -u "$user" -- test -w . -a -x .; then
    echo "$(basename "$0"): $user cannot write $PWD; going on as root" >&2
    return 0
  fi
  # Folders a run as root left here (before the scripts ran the job as the invoking user) go back to the user,
  # but only folders inside a clone that is the user's own.
  if [ "$(stat -c %u .)" = "$uid" ]; then
    for d in "${dirs[@]}"; do
      case $d in /*) d=${d#"$PWD"/} ;; esac
      case $d in /* | .. | ../* | */../* | */.. | "" | .) continue ;; esac
      if [ ! -d "$d" ] || [ -L "$d" ]; then continue; fi
      if [ -n "$(find "$d" ! -user "$user" -print -quit)" ]; then
        echo "$(basename "$0"): giving $d back to $user (an earlier run as root left it)"
        chown -R "$user:$(id -g "$user")" "$d"
      fi
    done
  fi
  local env_args=(-u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u XDG_DATA_HOME -u XDG_STATE_HOME -u XDG_RUNTIME_DIR)
  [ -d "/run/user/$uid" ] && env_args+=("XDG_RUNTIME_DIR=/run/user/$uid")
  echo "$(basename "$0"): packages are in place; building and running as $user"
  exec runuser -u "$user" -- env "${env_args[@]}" "$@"
}
