#!/usr/bin/env bash
# scripts/run-demo without a display: one line naming the cause and how to get one (Xvfb), a
# non-zero exit, and nothing installed or built first. PATH holds only what the check itself
# needs, so a run that went on to install or build would fail with another message.
set -euo pipefail
src=$1
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
ln -s "$(command -v bash)" "$bin/bash"
ln -s "$(command -v dirname)" "$bin/dirname"

set +e
err=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM PATH="$bin" \
  "$src/scripts/run-demo" 2>&1 >/dev/null)
rc=$?
set -e

fail() { echo "FAIL: $*"; printf 'exit %s, stderr:\n%s\n' "$rc" "$err"; exit 1; }
[ "$rc" -eq 1 ] || fail "exit code is not 1"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "not one line"
case $err in
  "run-demo: no display (DISPLAY and WAYLAND_DISPLAY are not set)"*) ;;
  *) fail "does not start with the cause" ;;
esac
case $err in *"xvfb-run scripts/run-demo"*) ;; *) fail "does not say how to get a display" ;; esac
echo "PASS: $err"
