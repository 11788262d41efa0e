#!/usr/bin/env bash
# What the end-to-end tests need on the machine: Debian's Chromium and Firefox
# ESR (the tests never download a browser) with their German language packs
# (one suite runs the browsers in German), openssl for the meeting sites'
# local certificate, and a font. As root on Debian they are installed here;
# anywhere else a missing one is named in one line, with the command to run.
set -euo pipefail

chromium_bin="${CHROMIUM_BIN:-/usr/bin/chromium}"
firefox_bin="${FIREFOX_BIN:-/usr/bin/firefox-esr}"
need=()
[ -x "$chromium_bin" ] || need+=(chromium)
[ -x "$firefox_bin" ] || need+=(firefox-esr)
[ -n "${CHROMIUM_BIN:-}" ] || [ -f /usr/lib/chromium/locales/de.pak ] || need+=(chromium-l10n)
[ -n "${FIREFOX_BIN:-}" ] || [ -f /usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi ] || need+=(firefox-esr-l10n-de)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing what the end-to-end tests need: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}" fonts-dejavu-core
  exit 0
fi

echo "The end-to-end tests need ${need[*]}: run \`sudo apt-get install ${need[*]} fonts-dejavu-core\` on Debian (or set CHROMIUM_BIN and FIREFOX_BIN to your browsers), then npm test again." >&2
exit 1
