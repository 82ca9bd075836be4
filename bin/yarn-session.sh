#!/usr/bin/env bash
# Starts, attaches to, queries or stops a Spindle session on YARN; see 'yarn-session.sh --help'.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/spindle-env.sh"

# shellcheck disable=SC2086 # JVM_ARGS is a list of flags by design
exec "$JAVA_RUN" ${JVM_ARGS:-} \
    -Dlog4j.configurationFile="$SPINDLE_LOG_CONF" \
    -cp "$SPINDLE_CLASSPATH" \
    dev.spindle.yarn.client.cli.SessionCli "$@"
