#!/usr/bin/env bash
# Install PostgreSQL server binaries (Debian/Ubuntu) for the test suite, if missing.
# The tests start their own throwaway cluster (tests/conftest_pg.py); this only installs.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
    echo "PostgreSQL already installed: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n1)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends postgresql
ls -d /usr/lib/postgresql/*/bin
