#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (a test tool's own browser download is not used).
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium found: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || echo "${CHROMIUM_PATH:-/usr/bin/chromium}")"
  exit 0
fi
as_root=()
if [ "$(id -u)" != "0" ]; then as_root=(sudo); fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium
