#!/usr/bin/env bash
# Make sure Debian's Chromium is installed, for the browser tests (tests/test_web_browser.py).
#
# The tests drive /usr/bin/chromium through Playwright's Python package; Playwright's own
# browser downloads are never used. This script installs Debian's `chromium` package with
# apt-get when /usr/bin/chromium is missing. Idempotent: a second run does nothing. Installing
# needs root (CI runs as root); without root (or without apt-get) it says what to do and
# leaves the browser tests to skip, except under CI=true, where it fails.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

fail_or_skip() {
    echo "ensure-chromium: $1" >&2
    if [ "${CI:-}" = "true" ]; then
        exit 1
    fi
    exit 0
}

if [ "$(id -u)" -ne 0 ]; then
    fail_or_skip "Chromium not installed and not root; install Debian's chromium package to run the browser tests"
fi
if ! command -v apt-get > /dev/null; then
    fail_or_skip "no apt-get here; install Chromium at /usr/bin/chromium"
fi

echo "ensure-chromium: installing Debian's chromium package" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core > /dev/null

if [ ! -x /usr/bin/chromium ]; then
    echo "ensure-chromium: chromium installed but /usr/bin/chromium is missing" >&2
    exit 1
fi
