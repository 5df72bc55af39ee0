# Shared by scripts/run-demo and scripts/test: install what the build needs, then configure.
# shellcheck shell=bash

# What the console needs to build and run: all that scripts/run-demo installs on a fresh machine.
AGENTDESK_PACKAGES=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
  libqt6svg6 libgl-dev libssl-dev openssl
  gnome-keyring dbus-daemon dbus-bin fonts-dejavu-core
  librsvg2-bin
  libsimdjson-dev
)
# What only the tests add (scripts/test appends them): the contract tests' Python, the package
# test's dpkg tools and validators, secret-tool.
# shellcheck disable=SC2034 # used by scripts/test
AGENTDESK_TEST_PACKAGES=(
  libsecret-tools dpkg-dev file desktop-file-utils appstream
  python3 python3-jsonschema python3-yaml dpkg
)

agentdesk_missing_packages() {
  local p
  for p in "${AGENTDESK_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

agentdesk_ensure_packages() {
  local missing
  mapfile -t missing < <(agentdesk_missing_packages)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" </dev/null
}

# agentdesk_build PRESET [TARGET...]: configure, then build the targets (all without any).
agentdesk_build() {
  local preset=$1
  shift
  local targets=()
  [ $# -gt 0 ] && targets=(--target "$@")
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" --parallel "$(nproc)" "${targets[@]}"
}
