#!/usr/bin/env bash
# Installs the system packages aimslint builds against, if any is missing (Debian/Ubuntu).
set -euo pipefail
packages=(libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config git)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not on PATH; install Swift 6 first (https://www.swift.org/install/)" >&2; exit 1; }
