#!/usr/bin/env bash
# A throw-away PostgreSQL server for the test suite, on 127.0.0.1 and a random free port.
#
#   .ci/postgres.sh start DIR   # prints the SQLAlchemy URL on stdout (everything else: stderr)
#   .ci/postgres.sh stop DIR    # stops the server and removes DIR
#
# Installs Debian's postgresql package where no server binaries are found (without letting the
# package create and start its own "main" cluster), initialises a cluster in DIR owned by a
# non-root user (PostgreSQL refuses to run as root: as root we use the "postgres" system user),
# and creates a login role "forecasts" with CREATEDB and a random password, plus a database of
# the same name for it to connect to. Durability is off (fsync, full-page writes): test data only.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$d" && -x "$d/initdb" ]]; then echo "$d"; return; fi
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
    if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
        pg_config --bindir; return
    fi
}

install_postgres() {
    if [[ $(id -u) -ne 0 ]]; then
        log "no PostgreSQL server found and not root: install the 'postgresql' package"; exit 1
    fi
    if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
        # Only the binaries: no cluster on port 5432 started behind our back.
        mkdir -p /etc/postgresql-common
        echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
    fi
    log "installing postgresql from the distribution's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql >&2; }
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Run a command as the cluster's owner: ourselves, or "postgres" when we are root.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local dir=$1 bindir port password data
    bindir=$(find_bindir)
    if [[ -z "$bindir" ]]; then
        install_postgres
        bindir=$(find_bindir)
    fi
    [[ -n "$bindir" ]] || { log "PostgreSQL binaries not found after installing"; exit 1; }
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then
        getent passwd postgres >/dev/null || useradd --system --home-dir "$dir" --shell /bin/sh postgres
        chown postgres: "$dir"
        chmod 700 "$dir"
    fi
    data="$dir/data"
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    printf '%s\n' "$password" >"$dir/superuser-password"
    chmod 600 "$dir/superuser-password"
    [[ $(id -u) -ne 0 ]] || chown postgres: "$dir/superuser-password"
    as_owner "$bindir/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$dir/superuser-password" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    for attempt in 1 2 3; do
        port=$(free_port)
        if as_owner "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 -o \
            "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
            start >&2; then
            break
        fi
        log "start on port $port failed (attempt $attempt)"; tail -n 5 "$dir/server.log" >&2 || true
        port=""
    done
    [[ -n "$port" ]] || exit 1
    echo "$bindir" >"$dir/bindir"
    as_owner "$bindir/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE forecasts LOGIN CREATEDB PASSWORD '$password'" \
        -c "CREATE DATABASE forecasts OWNER forecasts" >&2
    log "server in $dir on 127.0.0.1:$port"
    echo "postgresql+psycopg://forecasts:$password@127.0.0.1:$port/forecasts"
}

stop() {
    local dir=$1
    if [[ -f "$dir/bindir" && -d "$dir/data" ]]; then
        as_owner "$(cat "$dir/bindir")/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start "${2:?usage: postgres.sh start DIR}" ;;
    stop) stop "${2:?usage: postgres.sh stop DIR}" ;;
    *) echo "usage: $0 start DIR | stop DIR" >&2; exit 2 ;;
esac
