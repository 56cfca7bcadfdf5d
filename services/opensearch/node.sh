#!/usr/bin/env bash
# A single-node OpenSearch for development and CI, on loopback only, plain HTTP.
#
#   services/opensearch/node.sh start    assemble the node if needed, start it, wait for yellow
#   services/opensearch/node.sh stop     stop the node started from here (TERM, then KILL after 30 s)
#   services/opensearch/node.sh status   exit 0 if a node answers on the port, 1 otherwise
#
# Environment: OPENSEARCH_PORT (9200), VAR_DIR (<repo>/var), OPENSEARCH_HEAP (512m),
# OPENSEARCH_JAVA_HOME (a JDK 21 or newer; see Java below).
# Everything it writes lives under $VAR_DIR/opensearch/: home/ (lib/, agent/, modules/, plugins/ as
# assembled by pom.xml beside this script), config/, data/, logs/, tmp/ and opensearch.pid.
#
# Assembly: pom.xml copies the official OpenSearch jars from Maven Central (through Maven's own
# local repository, ~/.m2) into home/. Maven runs only when home/ is missing or was built from a
# different pom.xml (home/.pom.sha256 holds the hash of the pom it was built from). pom.xml says
# which modules and plugins there are, and why this is OpenSearch 3.x (analysis-ukrainian, for the
# "ukrainian" analyzer, is published only for 3.x).
#
# Java: OpenSearch 3.x needs Java 21 or newer. The JDK is $OPENSEARCH_JAVA_HOME if set, else the
# newest /usr/lib/jvm/temurin-* of Java 21 or newer, else java on PATH if it is 21 or newer; with
# none of these the start fails and says what to install. (Maven itself runs on any Java.)
#
# The JVM is started directly (java -cp "home/lib/*" org.opensearch.bootstrap.OpenSearch) with the
# options that the official launcher and jvm.options would give it on that Java, among them
# -javaagent: with home/agent/opensearch-agent (3.x enforces its security policies with that agent
# instead of the security manager, which Java 24 disabled for good), in its own session, with its
# output in logs/.
#
# Root: OpenSearch refuses to run as root ("can not run opensearch as root"), and rightly so: a
# search engine that loads plugins and answers HTTP has no need of root. So when this script runs
# as root (as it does in CI here), it creates an unprivileged system user "opensearch" if there is
# none (no home, no login shell), gives it $VAR_DIR/opensearch, and starts the JVM as that user
# with setpriv (which execs, so the pid we record is the JVM's own). As any other user, the JVM
# runs as that user.
#
# The transport layer binds to 127.0.0.1 too, on the first free port of 9300-9400 (the default).
#
# Bootstrap checks: the node binds to 127.0.0.1 only, so OpenSearch stays in development mode, where
# failed bootstrap checks are warnings, not fatal. The one that matters on small machines and in
# containers is vm.max_map_count (often 65530, which we cannot raise without touching the host): when
# it is below the 262144 OpenSearch wants, we set node.store.allow_mmap: false, so that the store
# uses NIO instead of mmap and a growing index cannot run out of map areas. The file-descriptor
# check (65535) only warns here: the machine's hard limit is what it is.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
POM="$SCRIPT_DIR/pom.xml"

OPENSEARCH_PORT="${OPENSEARCH_PORT:-9200}"
VAR_DIR="${VAR_DIR:-$ROOT/var}"
OPENSEARCH_HEAP="${OPENSEARCH_HEAP:-512m}"
OS_VERSION="3.8.0"
JAVA_MIN=21
RUN_USER="opensearch"

OS_DIR="$VAR_DIR/opensearch"
HOME_DIR="$OS_DIR/home"
CONF_DIR="$OS_DIR/config"
DATA_DIR="$OS_DIR/data"
LOG_DIR="$OS_DIR/logs"
TMP_DIR="$OS_DIR/tmp"
PID_FILE="$OS_DIR/opensearch.pid"
STAMP="$HOME_DIR/.pom.sha256"
NODE_LOG="$LOG_DIR/depository-dev.log"  # written by log4j, named after cluster.name as OpenSearch expects
STDOUT_LOG="$LOG_DIR/stdout.log"        # the JVM's own stdout and stderr
URL="http://127.0.0.1:$OPENSEARCH_PORT"
START_TIMEOUT=120
STOP_TIMEOUT=30

say() { echo "opensearch: $*" >&2; }
fail() { say "$*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Answers 0 when an OpenSearch node answers on the port.
answering() {
    curl -s --max-time 3 "$URL/" 2>/dev/null | grep -q '"distribution" *: *"opensearch"'
}

port_taken() {
    curl -s --max-time 3 -o /dev/null "$URL/" 2>/dev/null
}

# The pid from the pid file, if that process is still our OpenSearch JVM.
running_pid() {
    local pid
    [ -f "$PID_FILE" ] || return 1
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [ -r "/proc/$pid/cmdline" ] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "org.opensearch.bootstrap.OpenSearch" || return 1
    echo "$pid"
}

LOG_MARK=0   # lines of $NODE_LOG written before this start: only newer ones are shown on failure

show_log() {
    local lines
    if [ -s "$NODE_LOG" ]; then
        lines="$(wc -l <"$NODE_LOG")"
        [ "$lines" -ge "$LOG_MARK" ] || LOG_MARK=0   # the log rolled over meanwhile
        if [ "$lines" -gt "$LOG_MARK" ]; then
            say "last 40 lines of $NODE_LOG:"
            tail -n +"$((LOG_MARK + 1))" "$NODE_LOG" | tail -n 40 >&2
        fi
    fi
    if [ -s "$STDOUT_LOG" ]; then
        say "last 40 lines of $STDOUT_LOG:"
        tail -n 40 "$STDOUT_LOG" >&2
    fi
}

# The major version of the java at $1 ("1" for Java 8 and older), empty if it does not run.
java_major() {
    { "$1" -version 2>&1 || true; } | sed -n '/ version "/{s/.* version "\([0-9]*\).*/\1/p;q}'
}

# Sets JAVA to the java to run OpenSearch with, JAVA_MAJOR to its version (see the header).
find_java() {
    local cand major seen="" tried
    if [ -n "${OPENSEARCH_JAVA_HOME:-}" ]; then
        JAVA="$OPENSEARCH_JAVA_HOME/bin/java"
        [ -x "$JAVA" ] || fail "OPENSEARCH_JAVA_HOME is $OPENSEARCH_JAVA_HOME, which has no bin/java"
        JAVA_MAJOR="$(java_major "$JAVA")"
        [ "${JAVA_MAJOR:-0}" -ge "$JAVA_MIN" ] || fail "OPENSEARCH_JAVA_HOME is $OPENSEARCH_JAVA_HOME, which is Java ${JAVA_MAJOR:-?}: OpenSearch $OS_VERSION needs Java $JAVA_MIN or newer"
        return 0
    fi
    for cand in $(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -rV) PATH; do
        if [ "$cand" = PATH ]; then
            cand="$(command -v java)" || continue
        else
            cand="$cand/bin/java"
        fi
        [ -x "$cand" ] || continue
        major="$(java_major "$cand")"
        seen="$seen, $cand (Java ${major:-?})"
        if [ "${major:-0}" -ge "$JAVA_MIN" ]; then
            JAVA="$(readlink -f "$cand")"
            JAVA_MAJOR="$major"
            return 0
        fi
    done
    tried="${seen#, }"
    say "OpenSearch $OS_VERSION needs Java $JAVA_MIN or newer, and none was found (tried: ${tried:-no java at all})."
    fail "install a JDK $JAVA_MIN or newer, e.g. Eclipse Temurin 25 (the temurin-25-jdk package from https://packages.adoptium.net/artifactory/deb, which installs /usr/lib/jvm/temurin-25-jdk-amd64), or point OPENSEARCH_JAVA_HOME at one."
}

# Builds home/ with Maven unless it was already built from this very pom.xml.
assemble() {
    local want
    want="$(sha256sum "$POM" | cut -d' ' -f1)"
    if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -d "$HOME_DIR/lib" ]; then
        return 0
    fi
    command -v mvn >/dev/null || fail "mvn not found: Maven is needed to assemble the node the first time"
    say "assembling OpenSearch $OS_VERSION from Maven Central into $HOME_DIR"
    local next="$OS_DIR/home.next"
    rm -rf "$next" "$OS_DIR/mvn-target"
    # Maven 3.8 prints colour resets even with -q -B: strip them; its output goes to stderr.
    if ! mvn -q -B -f "$POM" package -Dnode.home="$next" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2; then
        rm -rf "$next" "$OS_DIR/mvn-target"
        fail "Maven could not assemble the node (see its output above)"
    fi
    rm -rf "$OS_DIR/mvn-target"
    echo "$want" >"$next/.pom.sha256"
    rm -rf "$HOME_DIR"
    mv "$next" "$HOME_DIR"
}

write_config() {
    mkdir -p "$CONF_DIR" "$DATA_DIR" "$LOG_DIR" "$TMP_DIR"
    local mmap=""
    local max_map
    max_map="$(cat /proc/sys/vm/max_map_count 2>/dev/null || echo 0)"
    if [ "$max_map" -lt 262144 ]; then
        mmap="# vm.max_map_count is $max_map (< 262144) here: use NIO instead of mmap for the store.
node.store.allow_mmap: false"
    fi
    cat >"$CONF_DIR/opensearch.yml" <<EOF
# Written by services/opensearch/node.sh on each start: edit the script, not this file.
cluster.name: depository-dev
node.name: depository-dev-1
path.data: $DATA_DIR
path.logs: $LOG_DIR
network.host: 127.0.0.1
http.host: 127.0.0.1
transport.host: 127.0.0.1
http.port: $OPENSEARCH_PORT
discovery.type: single-node
cluster.routing.allocation.disk.threshold_enabled: false
$mmap
EOF
    cat >"$CONF_DIR/log4j2.properties" <<'EOF'
# Written by services/opensearch/node.sh: one size-capped log file for the whole node.
status = error
appender.file.type = RollingFile
appender.file.name = file
appender.file.fileName = ${sys:opensearch.logs.base_path}${sys:file.separator}${sys:opensearch.logs.cluster_name}.log
appender.file.filePattern = ${sys:opensearch.logs.base_path}${sys:file.separator}${sys:opensearch.logs.cluster_name}-%i.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 20MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 2
rootLogger.level = info
rootLogger.appenderRef.file.ref = file
EOF
}

jvm_options() {
    local heap_bytes
    heap_bytes="$(numfmt --from=iec "${OPENSEARCH_HEAP^^}" 2>/dev/null || echo 536870912)"
    # The official launcher's system options, jvm.options and ergonomics (MaxDirectMemorySize =
    # heap / 2), as they come out on Java 21 and newer; -XX:+AlwaysPreTouch is left out so that a
    # small dev node does not commit its whole heap up front, and so is jvm.options' --add-opens
    # for Apache Arrow, which no module here uses.
    if [ "$JAVA_MAJOR" -ge 25 ]; then echo -XX:+UseCompactObjectHeaders; fi
    printf '%s\n' \
        "-Xms$OPENSEARCH_HEAP" "-Xmx$OPENSEARCH_HEAP" \
        "-XX:MaxDirectMemorySize=$((heap_bytes / 2))" \
        -XX:+UseG1GC -XX:G1ReservePercent=25 -XX:InitiatingHeapOccupancyPercent=30 \
        -Xss1m \
        "-Djava.io.tmpdir=$TMP_DIR" \
        -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$DATA_DIR" \
        "-XX:ErrorFile=$LOG_DIR/hs_err_pid%p.log" \
        "-Xlog:gc*,gc+age=trace,safepoint:file=$LOG_DIR/gc.log:utctime,pid,tags:filecount=4,filesize=16m" \
        -Dopensearch.networkaddress.cache.ttl=60 \
        -Dopensearch.networkaddress.cache.negative.ttl=10 \
        -Djava.awt.headless=true \
        -Dfile.encoding=UTF-8 \
        -Djna.nosys=true \
        "-Djna.tmpdir=$TMP_DIR" \
        -XX:-OmitStackTraceInFastThrow \
        -XX:+ShowCodeDetailsInExceptionMessages \
        -Dio.netty.noUnsafe=true \
        -Dio.netty.noKeySetOptimization=true \
        -Dio.netty.recycler.maxCapacityPerThread=0 \
        -Dio.netty.allocator.numDirectArenas=0 \
        -Dlog4j.shutdownHookEnabled=false \
        -Dlog4j2.disable.jmx=true \
        -Djava.locale.providers=SPI,CLDR \
        --add-modules=jdk.incubator.vector \
        -Dorg.apache.lucene.store.MMapDirectory.sharedArenaMaxPermits=1 \
        "-javaagent:$HOME_DIR/agent/opensearch-agent-$OS_VERSION.jar" \
        "-Dopensearch.path.home=$HOME_DIR" \
        "-Dopensearch.path.conf=$CONF_DIR" \
        -Dopensearch.distribution.type=tar \
        -Dopensearch.bundled_jdk=false
}

# As root: make sure the unprivileged user exists and owns $OS_DIR.
prepare_user() {
    is_root || return 0
    if ! id "$RUN_USER" >/dev/null 2>&1; then
        say "creating system user $RUN_USER to run OpenSearch (it refuses to run as root)"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$RUN_USER"
    fi
    chown -R "$RUN_USER:$RUN_USER" "$OS_DIR"
    if ! setpriv --reuid="$RUN_USER" --regid="$RUN_USER" --init-groups \
        test -r "$HOME_DIR/lib" -a -x "$HOME_DIR/lib" -a -w "$DATA_DIR" -a -x "$JAVA"; then
        fail "user $RUN_USER cannot reach $OS_DIR or $JAVA (a parent directory is not searchable by others); set VAR_DIR or OPENSEARCH_JAVA_HOME to a directory it can reach"
    fi
}

launch() {
    local -a opts cmd
    mapfile -t opts < <(jvm_options)
    cmd=(env -i "PATH=/usr/local/bin:/usr/bin:/bin" "HOME=$OS_DIR" "LANG=C.UTF-8"
         "$JAVA" "${opts[@]}" -cp "$HOME_DIR/lib/*" org.opensearch.bootstrap.OpenSearch)
    if is_root; then
        cmd=(setpriv --reuid="$RUN_USER" --regid="$RUN_USER" --init-groups "${cmd[@]}")
    fi
    LOG_MARK=0
    [ -f "$NODE_LOG" ] && LOG_MARK="$(wc -l <"$NODE_LOG")"
    : >"$STDOUT_LOG"
    is_root && chown "$RUN_USER:$RUN_USER" "$STDOUT_LOG"
    # setsid: its own session, so that it outlives this shell and no terminal signal reaches it.
    # setsid, setpriv and env each exec the next, so $! is the JVM's pid.
    setsid "${cmd[@]}" </dev/null >>"$STDOUT_LOG" 2>&1 9>&- &
    echo $! >"$PID_FILE"
}

wait_ready() {
    local pid="$1" deadline=$((SECONDS + START_TIMEOUT)) code
    while [ "$SECONDS" -lt "$deadline" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            show_log
            rm -f "$PID_FILE"
            fail "the node exited during startup"
        fi
        code="$(curl -s --max-time 6 -o /dev/null -w '%{http_code}' \
            "$URL/_cluster/health?wait_for_status=yellow&timeout=5s" 2>/dev/null || true)"
        [ "$code" = "200" ] && return 0
        sleep 1
    done
    show_log
    say "the node did not reach yellow within ${START_TIMEOUT}s: stopping it"
    terminate "$pid"
    rm -f "$PID_FILE"
    fail "OpenSearch did not start"
}

# TERM, then KILL if the process is still there after $STOP_TIMEOUT seconds.
terminate() {
    local pid="$1" deadline=$((SECONDS + STOP_TIMEOUT))
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "pid $pid did not stop within ${STOP_TIMEOUT}s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
}

describe() {
    local plugins modules
    plugins="$(curl -s --max-time 5 "$URL/_cat/plugins?h=component" | sort -u | paste -sd, - | sed 's/,/, /g')"
    modules="$(curl -s --max-time 5 "$URL/_nodes/_local/plugins?filter_path=nodes.*.modules.name" \
        | grep -o '"name":"[^"]*"' | cut -d'"' -f4 | sort -u | paste -sd, - | sed 's/,/, /g')"
    echo "OpenSearch $OS_VERSION ready at $URL (plugins: ${plugins:-none}; modules: ${modules:-none})"
}

cmd_start() {
    command -v curl >/dev/null || fail "curl not found"
    [[ "$OPENSEARCH_HEAP" =~ ^[0-9]+[kKmMgG]$ ]] || fail "OPENSEARCH_HEAP must look like 512m or 1g, not '$OPENSEARCH_HEAP'"
    mkdir -p "$OS_DIR"
    exec 9>"$OS_DIR/.lock"
    flock 9
    if answering; then
        say "a node already answers at $URL"
        return 0
    fi
    local pid
    if pid="$(running_pid)"; then
        say "the node (pid $pid) is starting; waiting for it"
        wait_ready "$pid"
        describe
        return 0
    fi
    if port_taken; then
        fail "something that is not OpenSearch answers at $URL"
    fi
    find_java
    assemble
    write_config
    prepare_user
    launch
    pid="$(cat "$PID_FILE")"
    wait_ready "$pid"
    describe
}

cmd_stop() {
    local pid
    if ! pid="$(running_pid)"; then
        rm -f "$PID_FILE"
        say "not running"
        return 0
    fi
    terminate "$pid"
    rm -f "$PID_FILE"
    say "stopped (pid $pid)"
}

cmd_status() {
    if answering; then
        say "running at $URL"
        return 0
    fi
    say "not answering at $URL"
    return 1
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
