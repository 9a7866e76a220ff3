#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Remote training over SSH, measured on a private sshd on the loopback address (tests/ui/sshd_fixture.sh): the time
# from a metrics line written by the trainer there to its signal in the studio here (the chart's point), and the
# bytes copied for the demo data, over N runs of the loopback test (default 5). Target: latency <= 2 s.
#   bench/remote-training.sh [BUILD_DIR] [RUNS]
# Prints the machine's load before and after: latency on a loaded machine is the scheduler's as much as ssh's.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
RUNS=${2:-5}
[ -x "$BUILD/tests/test_ui" ] || { echo "remote-training: build $BUILD with the tests first" >&2; exit 1; }
fixture=$(mktemp -d)
trap 'sh tests/ui/sshd_fixture.sh stop "$fixture"; rm -rf "$fixture"' EXIT
sh tests/ui/sshd_fixture.sh start "$fixture"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
out=$(NF_SSH_CONFIG="$fixture/ssh_config" QT_QPA_PLATFORM=offscreen "$BUILD/tests/test_ui" \
        --gtest_filter=RemoteTraining.TrainsThereWithLiveMetricsAndTheModelComesBack --gtest_repeat="$RUNS" 2>&1) ||
  { echo "$out" | tail -30; exit 1; }
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$out" | grep '\[ figures  \]' | sed 's/^\[ figures  \] /run: /'
echo "$out" | grep '\[ figures  \]' | awk '
  { for (i = 1; i <= NF; ++i) { if ($i == "mean") m += $(i + 1); if ($i == "worst") { w = $(i + 1) + 0; if (w > worst) worst = w } }
    for (i = 1; i <= NF; ++i) { if ($(i + 1) == "bytes" && $(i + 2) == "sent,") sent = $i; if ($(i + 1) == "bytes" && $(i + 2) == "received") recv = $i }
    n++ }
  END { printf "summary over %d runs: latency mean %.3f s, worst %.3f s (target <= 2 s: %s); per run %d bytes sent, %d received\n",
               n, m / n, worst, worst <= 2 ? "met" : "NOT met", sent, recv }'
