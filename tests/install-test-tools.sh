#!/usr/bin/env bash
# What the tests need from Debian, installed with apt-get when missing: Chromium for the browser
# tests (a test tool's own browser download is not used), and two tools Skillscope did not write
# that check its confidential-360 files: `age` (the reference age implementation, in Go) and
# Python's `cryptography` (an independent Ed25519 and JWS check); and LibreOffice Calc, which
# saves the framework template as a spreadsheet program does, for the import tests; and poppler's
# pdftotext, which reads back the printed profile.
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v age >/dev/null 2>&1 || missing+=(age)
python3 -c 'import cryptography' >/dev/null 2>&1 || missing+=(python3-cryptography)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -eq 0 ]; then
  echo "Test tools found: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || echo chromium), $(age --version), python3 cryptography, $(soffice --version 2>/dev/null | head -n 1)"
  exit 0
fi
as_root=()
if [ "$(id -u)" != "0" ]; then as_root=(sudo); fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}"
