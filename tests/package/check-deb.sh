#!/usr/bin/env bash
# The install tree and the .deb as a user gets them: `cmake --install` into a prefix, then cpack
# builds the .deb, which is unpacked (dpkg-deb -x, nothing installed on this machine) and checked:
# its fields (Depends from dpkg-shlibdeps), its files, the installed binary's --version against
# project(VERSION) with no display, the desktop entry (desktop-file-validate), the AppStream
# metadata (appstreamcli validate) and the icons in the hicolor sizes.
# Usage: check-deb.sh BUILD_DIR VERSION APP_ID
set -euo pipefail
build=$1 version=$2 app_id=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/agentdesk-package.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

check_tree() { # ROOT PREFIX (the tree below ROOT as installed into PREFIX)
  local root=$1 prefix=$2 share=$1$2/share
  local exe=$root$prefix/bin/agentdesk
  [ -x "$exe" ] || { fail "$prefix/bin/agentdesk missing"; return; }
  local out
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$exe" --version) ||
    fail "$exe --version exits $?"
  [ "$out" = "AgentDesk $version" ] && ok "--version: $out" ||
    fail "--version says '$out', project(VERSION) is $version"
  if missing=$(ldd "$exe" | grep 'not found'); then fail "unresolved libraries: $missing"; fi

  local desktop=$share/applications/$app_id.desktop
  if desktop-file-validate "$desktop"; then ok "desktop-file-validate $app_id.desktop"; else
    fail "desktop-file-validate $desktop"; fi
  grep -qx 'Exec=agentdesk' "$desktop" || fail "Exec= does not run agentdesk"
  grep -qx "Icon=$app_id" "$desktop" || fail "Icon= is not $app_id"
  local metainfo=$share/metainfo/$app_id.metainfo.xml
  if appstreamcli validate --no-net "$metainfo"; then ok "appstreamcli validate"; else
    fail "appstreamcli validate $metainfo"; fi
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $app_id.desktop"

  local size png
  for size in 16 22 24 32 48 64 128 256 512; do
    png=$share/icons/hicolor/${size}x${size}/apps/$app_id.png
    if file "$png" | grep -q "PNG image data, $size x $size,"; then :; else
      fail "icon ${size}x$size: $(file "$png")"; fi
  done
  ok "PNG icons in 9 hicolor sizes"
  file "$share/icons/hicolor/scalable/apps/$app_id.svg" | grep -q 'SVG' ||
    fail "scalable icon missing"
}

echo "== cmake --install"
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
check_tree "$tmp/prefix" ""

echo "== cpack -G DEB"
(cd "$build" && cpack -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log"; fail "cpack"; exit 1; }
debs=("$tmp"/out/*.deb)
[ ${#debs[@]} -eq 1 ] || { fail "expected one .deb, got: ${debs[*]}"; exit 1; }
deb=${debs[0]}
ok "built $(basename "$deb")"
[ "$(dpkg-deb --field "$deb" Package)" = agentdesk ] || fail "Package is not agentdesk"
[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "Version is not $version"
depends=$(dpkg-deb --field "$deb" Depends)
echo "Depends: $depends"
# From dpkg-shlibdeps (the libraries the binary links) and the run-time plugins we name.
for package in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 \
  libqt6keychain1 libssl3 libqt6svg6; do
  [[ ", $depends," == *", $package "* || ", $depends," == *", $package,"* ]] ||
    fail "Depends lacks $package"
done
dpkg-deb --contents "$deb" >"$tmp/contents"
grep -q ' ./usr/bin/agentdesk$' "$tmp/contents" || fail "the .deb has no /usr/bin/agentdesk"
if grep -q 'agentdesk-demo-site\|/tests/\|bench' "$tmp/contents"; then
  fail "the .deb carries test or demo-site binaries"; fi
dpkg-deb -x "$deb" "$tmp/root"
check_tree "$tmp/root" /usr

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "PASS"
