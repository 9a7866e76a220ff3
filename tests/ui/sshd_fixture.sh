#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest fixture: a private OpenSSH server on the loopback address for the remote-training tests, with keys made for
# the test, logging in as the user running the tests (as root in CI, as the user otherwise: OpenSSH runs unprivileged
# for its own regression tests the same way). Writes DIR/ssh_config with the hosts the tests use:
#   nf-loopback   this server, with the test's key (BatchMode, a known_hosts file of its own)
#   nf-nowhere    a port nothing listens on
# Usage: sshd_fixture.sh start|stop DIR
set -u
action=$1 dir=$2
case "$action" in
start)
    sh "$0" stop "$dir"
    rm -rf "$dir" && mkdir -p "$dir" || exit 1
    sshd=$(command -v sshd || echo /usr/sbin/sshd)
    [ -x "$sshd" ] || { echo "sshd not found: install openssh-server" >&2; exit 1; }
    ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key" || exit 1
    ssh-keygen -q -t ed25519 -N '' -f "$dir/user_key" || exit 1
    cp "$dir/user_key.pub" "$dir/authorized_keys" && chmod 600 "$dir/authorized_keys"
    # Privilege separation needs its empty folder when sshd starts as root (a container may not have it).
    [ "$(id -u)" = 0 ] && mkdir -p /run/sshd
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    free=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat >"$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_key
AuthorizedKeysFile $dir/authorized_keys
PidFile $dir/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
Subsystem sftp internal-sftp
CONF
    cat >"$dir/ssh_config" <<CONF
Host nf-loopback
  HostName 127.0.0.1
  Port $port
  User $(id -un)
  IdentityFile $dir/user_key
  IdentitiesOnly yes
  UserKnownHostsFile $dir/known_hosts
  StrictHostKeyChecking accept-new
Host nf-nowhere
  HostName 127.0.0.1
  Port $free
  User $(id -un)
  IdentityFile $dir/user_key
  IdentitiesOnly yes
  UserKnownHostsFile $dir/known_hosts
CONF
    "$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log" || { cat "$dir/sshd.log" >&2; exit 1; }
    i=0
    while [ $i -lt 50 ]; do
        if ssh -F "$dir/ssh_config" -o BatchMode=yes nf-loopback true 2>/dev/null; then
            echo "sshd on 127.0.0.1:$port (pid $(cat "$dir/sshd.pid")); client configuration $dir/ssh_config"
            exit 0
        fi
        sleep 0.1; i=$((i + 1))
    done
    echo "sshd did not answer on 127.0.0.1:$port:" >&2
    cat "$dir/sshd.log" >&2
    exit 1
    ;;
stop)
    if [ -f "$dir/sshd.pid" ]; then
        kill "$(cat "$dir/sshd.pid")" 2>/dev/null
        rm -f "$dir/sshd.pid"
    fi
    exit 0
    ;;
esac
echo "usage: $0 start|stop DIR" >&2
exit 2
