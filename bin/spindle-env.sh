#!/usr/bin/env bash
# Shared set-up of Spindle's launcher scripts (sourced with SPINDLE_BIN_DIR set, not run): finds the Spindle home (an
# unpacked distribution, or the assembled one under dist/target/ of a built source tree), java,
# the conf dir and the classpath. Sets SPINDLE_HOME, SPINDLE_CONF_DIR, JAVA_RUN, SPINDLE_CLASSPATH.

spindle_die() {
    echo "spindle: $*" >&2
    exit 1
}

spindle_find_home() {
    local bin="$1"
    local candidate
    candidate="$(cd "$bin/.." && pwd)"
    if [ -d "$candidate/lib" ]; then
        echo "$candidate"
        return 0
    fi
    # A source tree: use the distribution that 'mvn package' assembled.
    local dists=("$candidate"/dist/target/spindle-*/)
    if [ -d "${dists[0]}" ] && [ -d "${dists[0]}lib" ]; then
        if [ "${#dists[@]}" -gt 1 ]; then
            echo "spindle: several builds under $candidate/dist/target/; using ${dists[0]}" >&2
        fi
        (cd "${dists[0]}" && pwd)
        return 0
    fi
    spindle_die "no Spindle build found next to $bin. Build it first: (cd $candidate && mvn -q package -DskipTests)"
}

spindle_find_java() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        echo "$JAVA_HOME/bin/java"
    elif command -v java >/dev/null 2>&1; then
        command -v java
    else
        spindle_die "java not found: install Java 17 or later, or set JAVA_HOME"
    fi
}

[ -n "${SPINDLE_BIN_DIR:-}" ] || spindle_die "spindle-env.sh is sourced by bin/spindle and bin/yarn-session.sh, which set SPINDLE_BIN_DIR"
SPINDLE_HOME="$(spindle_find_home "$SPINDLE_BIN_DIR")" || exit 1
export SPINDLE_HOME
export SPINDLE_CONF_DIR="${SPINDLE_CONF_DIR:-$SPINDLE_HOME/conf}"
[ -d "$SPINDLE_CONF_DIR" ] || spindle_die "SPINDLE_CONF_DIR=$SPINDLE_CONF_DIR is not a directory"
JAVA_RUN="$(spindle_find_java)" || exit 1
SPINDLE_CLASSPATH="$SPINDLE_HOME/lib/*"

SPINDLE_LOG_CONF="$SPINDLE_CONF_DIR/log4j2-cli.properties"
[ -f "$SPINDLE_LOG_CONF" ] || SPINDLE_LOG_CONF="$SPINDLE_HOME/conf/log4j2-cli.properties"
