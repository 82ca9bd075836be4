#!/usr/bin/env bash
# Starts, attaches to, queries or stops a Spindle session on YARN; see 'yarn-session.sh --help'.
set -euo pipefail

# Resolve symlinks (bin/spindle may be linked into a PATH dir) to find our own bin/.
script="${BASH_SOURCE[0]}"
while [ -L "$script" ]; do
    link_dir="$(cd -P "$(dirname "$script")" && pwd)"
    script="$(readlink "$script")"
    [[ "$script" != /* ]] && script="$link_dir/$script"
done
SPINDLE_BIN_DIR="$(cd -P "$(dirname "$script")" && pwd)"
source "$SPINDLE_BIN_DIR/spindle-env.sh"

# shellcheck disable=SC2086 # JVM_ARGS is a list of flags by design
spindle_client_cds

# shellcheck disable=SC2086 # JVM_ARGS is a list of flags by design
exec "$JAVA_RUN" ${SPINDLE_CDS_ARGS[@]+"${SPINDLE_CDS_ARGS[@]}"} ${JVM_ARGS:-} \
    -Dlog4j.configurationFile="$SPINDLE_LOG_CONF" \
    -cp "$SPINDLE_CLASSPATH" \
    dev.spindle.yarn.client.cli.SessionCli "$@"
