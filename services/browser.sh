#!/usr/bin/env bash
# What the browser suite (tests/browser/) needs besides the Python packages: Debian's Chromium
# (Playwright's own browser download cannot be used), Java for the Nu HTML Checker, and the npm
# packages of package-lock.json (axe-core, vnu-jar) in node_modules/.
#
#   services/browser.sh ensure   install what is missing (system packages as root, from Debian's
#                                packages), and exit non-zero naming what could not be had
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

SCRIPT_NAME=browser
# shellcheck source=services/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure() {
    command -v chromium >/dev/null || apt_install chromium
    command -v java >/dev/null || apt_install default-jre-headless
    command -v npm >/dev/null || apt_install npm
    # vnu-jar's install script would download a Java runtime: the system's Java is used instead.
    local stamp="$ROOT/node_modules/.installed-package-lock.json"
    if ! cmp -s "$ROOT/package-lock.json" "$stamp" 2>/dev/null; then
        say "installing axe-core and vnu-jar into node_modules/"
        (cd "$ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null) \
            || fail "npm ci failed"
        cp "$ROOT/package-lock.json" "$stamp"
    fi
    say "chromium $(chromium --version 2>/dev/null | awk '{print $2}'), java and node_modules/ ready"
}

case "${1:-}" in
    ensure) ensure ;;
    *)
        echo "usage: $0 ensure" >&2
        exit 2
        ;;
esac
