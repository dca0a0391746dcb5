#!/usr/bin/env bash
# Make sure the PostgreSQL server binaries are installed, for the store tests.
#
# The tests start their own throwaway cluster (tests/pg_server.py: initdb + pg_ctl in a temp
# folder, on a free loopback port); this script only installs Debian's `postgresql` package
# when no /usr/lib/postgresql/*/bin/initdb exists. It does not create or start the package's
# default cluster. Idempotent: a second run does nothing. Installing needs root (CI runs as
# root); without root it says what to do and leaves the PostgreSQL tests to skip, except
# under CI=true, where it fails.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-postgres: PostgreSQL server not installed and not root;" \
         "install Debian's postgresql package to run the PostgreSQL store tests" >&2
    if [ "${CI:-}" = "true" ]; then
        exit 1
    fi
    exit 0
fi

if ! command -v apt-get > /dev/null; then
    echo "ensure-postgres: no apt-get here; install the PostgreSQL server (initdb, pg_ctl)" >&2
    [ "${CI:-}" = "true" ] && exit 1
    exit 0
fi

echo "ensure-postgres: installing Debian's postgresql package" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# postgresql-common first, told not to create (and start) a default cluster on install.
apt-get install -y -qq --no-install-recommends postgresql-common > /dev/null
conf=/etc/postgresql-common/createcluster.conf
if [ -f "$conf" ]; then
    if grep -q '^#\?\s*create_main_cluster' "$conf"; then
        sed -i 's/^#\?\s*create_main_cluster.*/create_main_cluster = false/' "$conf"
    else
        echo "create_main_cluster = false" >> "$conf"
    fi
fi
apt-get install -y -qq --no-install-recommends postgresql > /dev/null

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    echo "ensure-postgres: postgresql installed but no initdb under /usr/lib/postgresql" >&2
    exit 1
fi
