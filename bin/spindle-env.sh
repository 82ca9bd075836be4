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

# Class-data sharing for client JVMs (SPINDLE_CLIENT_CDS=false turns it off): a client JVM spends
# most of its start reading and verifying classes from lib/; mapped from an archive they cost far
# less. Java 17 has no automatic archive, and dumping one at the end of the user's own run can
# change that run's exit code, so the first client run of a JDK and build trains the archive in a
# JVM of its own, in the background and at low priority (ClientClassTraining); later runs map it.
# The JVM checks the archive against its own build and the jars, and ignores it when they differ.
SPINDLE_CDS_ARGS=()
spindle_client_cds() {
    [ "${SPINDLE_CLIENT_CDS:-true}" = "true" ] || return 0
    case " ${JVM_ARGS:-} " in
        *SharedArchiveFile*|*ArchiveClassesAtExit*|*-Xshare:*) return 0 ;;
    esac
    local dir="${SPINDLE_CDS_DIR:-${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/spindle/cds}"
    { mkdir -p "$dir" && [ -w "$dir" ]; } 2>/dev/null || return 0
    local key
    key="$( { echo "$JAVA_RUN $SPINDLE_CLASSPATH"; ls -lnL "$SPINDLE_HOME/lib"; } 2>/dev/null | cksum | cut -d' ' -f1)"
    [ -n "$key" ] || return 0
    local archive="$dir/client-$key.jsa"
    local quiet=("-Xlog:cds=off" "-Xlog:cds+dynamic=off")
    if [ -f "$archive" ]; then
        SPINDLE_CDS_ARGS=("-XX:SharedArchiveFile=$archive" "${quiet[@]}")
        return 0
    fi
    # A training cut short (machine stopped) must not block every later one.
    find "$dir" -maxdepth 1 -name '*.lock' -mmin +10 -exec rmdir {} + 2>/dev/null || true
    mkdir "$archive.lock" 2>/dev/null || return 0
    (
        set +e
        tmp="$archive.$$.tmp"
        nice -n 10 "$JAVA_RUN" -XX:ArchiveClassesAtExit="$tmp" "${quiet[@]}" -Dlog4j.configurationFile="$SPINDLE_LOG_CONF" \
            -cp "$SPINDLE_CLASSPATH" dev.spindle.yarn.client.cli.ClientClassTraining && [ -s "$tmp" ] && mv -f "$tmp" "$archive"
        rm -f "$tmp"
        # Every rebuild or JDK update trains a new archive (tens of MB): keep only the three newest.
        ls -t "$dir"/client-*.jsa 2>/dev/null | tail -n +4 | while IFS= read -r old; do rm -f "$old"; done
        rmdir "$archive.lock"
    ) </dev/null >/dev/null 2>&1 &
}
