#!/usr/bin/env bash
# Local PostgreSQL, Redis and OpenSearch on loopback, with their data under var/.
#
#   services/services.sh start [SERVICE...]   install what is missing (as root, from Debian's
#                                packages), start each service unless it already answers, wait for
#                                it, print the environment variables that point the project at them
#   services/services.sh stop [SERVICE...]    stop them
#   services/services.sh env [SERVICE...]     print the environment variables only
#
# SERVICE is postgres, redis or opensearch; with none named, SERVICES (all three by default) says
# which, so `SERVICES=postgres services/services.sh start` starts PostgreSQL alone.
# Ports: POSTGRES_PORT (55432), REDIS_PORT (56379), OPENSEARCH_PORT (59200); unusual defaults so
# that services of the machine itself, if any, are left alone.
#
# PostgreSQL's data lives in $VAR_DIR/postgres. As root, PostgreSQL runs as the postgres system
# user, who may be unable to enter the checkout (a clone under /root, mode 700): then the cluster
# lives in /var/lib/postgresql/depository-<hash of this checkout's var/> instead, and
# $VAR_DIR/postgres is a symbolic link to it, so each checkout still has a cluster of its own.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VAR_DIR="${VAR_DIR:-$ROOT/var}"
POSTGRES_PORT="${POSTGRES_PORT:-55432}"
REDIS_PORT="${REDIS_PORT:-56379}"
OPENSEARCH_PORT="${OPENSEARCH_PORT:-59200}"
export VAR_DIR OPENSEARCH_PORT

PG_LINK="$VAR_DIR/postgres"
PG_OUTSIDE_DIR="${PG_OUTSIDE_DIR:-/var/lib/postgresql}"
# A development and test cluster: durability across power loss is not worth the slower suite.
PG_DEV_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
REDIS_DIR="$VAR_DIR/redis"

SCRIPT_NAME=services
# shellcheck source=services/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

postgres_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$dir" ] || [ ! -x "$dir/pg_ctl" ]; then
        apt_install postgresql
        dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    echo "$dir"
}

# PostgreSQL refuses to run as root: as root, run it as the postgres system user.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# The cluster's directory, as a path the postgres user can follow (a link resolved).
pg_dir() { readlink -m "$PG_LINK"; }

# Creates the cluster's directory: in var/ when the postgres user can reach it, outside otherwise.
make_pg_dir() {
    mkdir -p "$VAR_DIR"
    if [ -e "$PG_LINK" ] || [ "$(id -u)" -ne 0 ] || runuser -u postgres -- test -x "$VAR_DIR"; then
        mkdir -p "$PG_LINK"
    else
        local outside
        outside="$PG_OUTSIDE_DIR/depository-$(readlink -m "$VAR_DIR" | sha256sum | cut -c 1-12)"
        say "the postgres user cannot enter $VAR_DIR: the cluster lives in $outside ($PG_LINK links to it)"
        mkdir -p "$outside"
        ln -s "$outside" "$PG_LINK"
    fi
    [ "$(id -u)" -eq 0 ] && chown postgres: "$(pg_dir)"
    return 0
}

start_postgres() {
    local bin PG_DIR
    bin="$(postgres_bin)"
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT"; then
        say "PostgreSQL already answers on port $POSTGRES_PORT"
        return
    fi
    make_pg_dir
    PG_DIR="$(pg_dir)"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        say "creating a PostgreSQL cluster in $PG_DIR/data"
        as_postgres "$bin/initdb" -D "$PG_DIR/data" -U depository --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 >"$PG_DIR/initdb.log"
    fi
    as_postgres mkdir -p "$PG_DIR/run"
    as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $POSTGRES_PORT -k $PG_DIR/run $PG_DEV_OPTIONS" \
        start >/dev/null || { tail -n 20 "$PG_DIR/postgres.log" >&2; fail "PostgreSQL did not start"; }
    if ! "$bin/psql" -h 127.0.0.1 -p "$POSTGRES_PORT" -U depository -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'depository'" | grep -q 1; then
        "$bin/createdb" -h 127.0.0.1 -p "$POSTGRES_PORT" -U depository depository
    fi
    say "PostgreSQL ready on 127.0.0.1:$POSTGRES_PORT"
}

stop_postgres() {
    local bin PG_DIR
    PG_DIR="$(pg_dir)"
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -n "$bin" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
        as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null && say "PostgreSQL stopped"
    fi
}

redis_cli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }

start_redis() {
    command -v redis-server >/dev/null || apt_install redis-server
    if redis_cli ping 2>/dev/null | grep -q PONG; then
        say "Redis already answers on port $REDIS_PORT"
        return
    fi
    mkdir -p "$REDIS_DIR"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --daemonize yes \
        --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --appendonly yes --save ""
    for _ in $(seq 1 50); do
        redis_cli ping 2>/dev/null | grep -q PONG && { say "Redis ready on 127.0.0.1:$REDIS_PORT"; return; }
        sleep 0.2
    done
    tail -n 20 "$REDIS_DIR/redis.log" >&2
    fail "Redis did not start"
}

stop_redis() {
    if redis_cli ping 2>/dev/null | grep -q PONG; then
        redis_cli shutdown nosave >/dev/null 2>&1 || true
        say "Redis stopped"
    fi
}

start_opensearch() { "$ROOT/services/opensearch/node.sh" start >&2; }
stop_opensearch() { "$ROOT/services/opensearch/node.sh" stop >&2 || true; }

env_postgres() { echo "export DATABASE_URL=postgres://depository@127.0.0.1:$POSTGRES_PORT/depository"; }
env_redis() { echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"; }
env_opensearch() {
    echo "export SEARCH_URL=http://127.0.0.1:$OPENSEARCH_PORT"
    echo "export SEARCH_BACKEND=opensearch3"
}

command="${1:-}"
shift || true
# shellcheck disable=SC2206 - SERVICES is a space-separated list of names
selected=(${@:-${SERVICES:-postgres redis opensearch}})
for service in "${selected[@]}"; do
    case "$service" in
        postgres | redis | opensearch) ;;
        *) fail "unknown service '$service': expected postgres, redis or opensearch" ;;
    esac
done

case "$command" in
    start)
        for service in "${selected[@]}"; do "start_$service"; done
        for service in "${selected[@]}"; do "env_$service"; done
        ;;
    stop)
        # In reverse order: the search node and Redis first, the database last.
        for ((i = ${#selected[@]} - 1; i >= 0; i--)); do "stop_${selected[i]}"; done
        ;;
    env)
        for service in "${selected[@]}"; do "env_$service"; done
        ;;
    *)
        echo "usage: $0 start|stop|env [postgres|redis|opensearch ...]" >&2
        exit 2
        ;;
esac
