#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real: poppler-utils (pdftotext, pdftoppm read PDFs back), chromium
# (browser tests; never a downloaded browser) with fonts-liberation (the pages' metrics), postgresql (the two-node jobs
# test; a private cluster is started by the test fixture).
# Installs only what is missing, so it costs nothing once a machine has them.
set -euo pipefail
needed=()
command -v pdftotext >/dev/null 2>&1 || needed+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || [ -d /usr/share/fonts/truetype/liberation2 ] || needed+=(fonts-liberation)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || needed+=(postgresql)
[ ${#needed[@]} -eq 0 ] && exit 0
echo "Installing test dependencies: ${needed[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Need root (or sudo) to apt-get install ${needed[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
