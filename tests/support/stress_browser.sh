#!/usr/bin/env bash
# The browser suite under load: runs tests/browser RUNS times in a row (default 10) while
# stress-ng keeps every core busy, and stops at the first failed run. stress-ng is started
# here and stopped on exit, however the script ends (and gives up by itself after
# --timeout in any case). Extra arguments go to pytest, e.g. `-k search`.
#
#   tests/support/stress_browser.sh            # 10 runs
#   tests/support/stress_browser.sh 3 -k axe   # 3 runs of the axe tests
#
# Needs Debian's stress-ng (apt-get install stress-ng) and the test setup of the README.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs="${1:-10}"
shift || true
if ! command -v stress-ng >/dev/null 2>&1; then
  echo "stress-ng is not installed: apt-get install stress-ng" >&2
  exit 2
fi
cores="$(nproc)"
stress-ng --cpu "$cores" --timeout 3h --quiet &
stress=$!
trap 'kill "$stress" 2>/dev/null || true; wait "$stress" 2>/dev/null || true' EXIT

passed=0
for run in $(seq 1 "$runs"); do
  echo "== run $run of $runs (stress-ng --cpu $cores)"
  if .venv/bin/python -m pytest tests/browser -q -p no:randomly -p no:cacheprovider "$@"; then
    passed=$((passed + 1))
  else
    echo "== run $run failed"
    break
  fi
done
echo "== browser suite under stress-ng --cpu $cores: $passed of $runs runs passed"
[ "$passed" -eq "$runs" ]
