#!/usr/bin/env bash
# scripts/lib/start-demo where no session bus runs (no desktop, over SSH): the program runs in a
# private D-Bus session with an unlocked secret service it can store a secret in and read it
# back from, and once it ends the keyring's directory is gone and its daemon stopped.
# The program is a stand-in that records what it found; the real one is agentdesk --demo.
set -euo pipefail
src=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/agentdesk-start-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/program" <<'PROGRAM'
#!/usr/bin/env bash
set -euo pipefail
echo "args=$*"
echo "bus=${DBUS_SESSION_BUS_ADDRESS:-}"
echo "runtime=$XDG_RUNTIME_DIR"
printf 'demo-secret' | secret-tool store --label='AgentDesk start-demo test' \
  service agentdesk-start-demo-test account demo
echo "lookup=$(secret-tool lookup service agentdesk-start-demo-test account demo)"
PROGRAM
chmod +x "$tmp/program"
mkdir -m 700 "$tmp/run" # an XDG_RUNTIME_DIR without a user bus in it

set +e
out=$(env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY XDG_RUNTIME_DIR="$tmp/run" \
  "$src/scripts/lib/start-demo" "$tmp/program" --demo --demo-hosts 10 2>"$tmp/err")
rc=$?
set -e
echo "$out"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
[ "$rc" -eq 0 ] || fail "exit $rc: $(cat "$tmp/err")"
grep -q 'no keyring on the session bus; using a throw-away one, deleted on exit' "$tmp/err" ||
  fail "does not say it uses a throw-away keyring: $(cat "$tmp/err")"
grep -qx 'args=--demo --demo-hosts 10' <<<"$out" || fail "arguments not passed on"
bus=$(sed -n 's/^bus=//p' <<<"$out")
[ -n "$bus" ] || fail "no session bus"
[ "$bus" != "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "not a private bus"
grep -qx 'lookup=demo-secret' <<<"$out" || fail "the secret did not go into the keyring and back"
runtime=$(sed -n 's/^runtime=//p' <<<"$out")
[ -n "$runtime" ] && [ "$runtime" != "$tmp/run" ] || fail "not a keyring of its own"
[ ! -e "$runtime" ] || fail "the keyring's directory $runtime is still there"
for p in /proc/[0-9]*; do
  [ "$(readlink "$p/exe" 2>/dev/null)" = "$(command -v gnome-keyring-daemon)" ] || continue
  if tr '\0' '\n' <"$p/environ" 2>/dev/null | grep -qxF "XDG_RUNTIME_DIR=$runtime"; then
    fail "its gnome-keyring-daemon (pid ${p#/proc/}) still runs"
  fi
done
[ "$failures" -eq 0 ] || exit 1
echo PASS
