# Sourced by the scripts: installs the Debian packages a command needs, only when missing.
# Usage: ensure_packages PACKAGE[:FILE-IT-PROVIDES] ...
ensure_packages() {
  local missing=() spec pkg probe
  for spec in "$@"; do
    pkg=${spec%%:*}; probe=${spec#*:}
    if [[ $probe == "$spec" ]]; then
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    else
      compgen -G "$probe" >/dev/null || missing+=("$pkg")
    fi
  done
  ((${#missing[@]} == 0)) && return 0
  echo "Installing missing packages: ${missing[*]}"
  local sudo=""
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { echo "Please install as root: apt-get install -y ${missing[*]}" >&2; return 1; }
    sudo="sudo"
  fi
  # The service a package may start (postgresql) is not used: the scripts run private instances.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
