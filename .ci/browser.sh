#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests marked @pytest.mark.browser) if it is
# missing. Idempotent and quiet: does nothing when /usr/bin/chromium already exists.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "browser.sh: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
