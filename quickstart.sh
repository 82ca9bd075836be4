#!/usr/bin/env bash
# Builds Spindle, starts the embedded YARN + HDFS cluster, runs the WordCount example in
# application mode on it (real YARN containers), and prints the word counts it wrote to HDFS.
# Needs only a JDK (17+) and Maven. The cluster keeps running afterwards for more jobs;
# stop it with 'bin/spindle local-cluster stop'.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

echo "==> Building Spindle (mvn package, tests skipped; 'mvn -B -ntp verify' runs them)"
mvn -q -B -ntp package -DskipTests

dist=$(ls -d dist/target/spindle-*/ | head -n 1)
examples_jar="${dist}examples/spindle-examples.jar"

echo "==> Starting the embedded YARN + HDFS cluster"
if ! bin/spindle local-cluster status >/dev/null 2>&1; then
    bin/spindle local-cluster start
fi
status=$(bin/spindle local-cluster status 2>/dev/null)
conf_dir=$(sed -n 's/.*HADOOP_CONF_DIR=\([^ ]*\).*/\1/p' <<<"$status" | head -n 1)
if [ -z "$conf_dir" ]; then
    echo "quickstart: the local cluster did not start; see its log under ${TMPDIR:-/tmp}/spindle-local-cluster-$(id -un)/" >&2
    exit 1
fi

output="/tmp/spindle-quickstart/wordcount-$(date +%Y%m%d-%H%M%S)"
echo "==> Running WordCount in application mode (parallelism 4, 2 TaskExecutor containers with 2 slots each)"
bin/spindle run-application -t yarn-application -p 4 -Dtaskmanager.numberOfTaskSlots=2 \
    "$examples_jar" --output "hdfs://$output"

echo "==> Word counts in hdfs://$output (most frequent first)"
java -cp "$conf_dir:$dist/lib/*" -Dlog4j.configurationFile="${dist}conf/log4j2-cli.properties" org.apache.hadoop.fs.FsShell -cat "$output/part-*" \
    | sort -t$'\t' -k2,2nr -k1,1
echo "==> Done. The cluster keeps running; stop it with: bin/spindle local-cluster stop"
