package dev.spindle.it.programs;

import dev.spindle.api.ExternalizedCheckpointCleanup;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.tuple.Tuple2;

/**
 * A keyed, stateful streaming job checkpointing every second:
 * {@code <checkpointsDir> <output> <countsUid> <retention: RETAIN|DELETE> <records> [failOnceMarker]}. It counts
 * {@code records} numbers into {@link #KEYS} keys and writes every running count "(key,count)"
 * exactly once (two-phase-commit text sink), so a restored job's counts must continue without gap or repeat.
 * With a marker path, the task throws once half-way (the marker on HDFS records that it did), so the
 * job must recover from its latest checkpoint.
 */
public final class CheckpointedCountsProgram {

    public static final int KEYS = 3;

    private CheckpointedCountsProgram() {
    }

    /** Slow enough (about 5 s for 25,000 records) that a test can savepoint or cancel it mid-run. */
    static Long paced(long i) throws InterruptedException {
        if (i % 5 == 0) {
            Thread.sleep(1);
        }
        return i;
    }

    static void failOnce(String marker) throws java.io.IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(marker);
        org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(new org.apache.hadoop.conf.Configuration());
        if (fs.createNewFile(path)) {
            throw new IllegalStateException("injected failure (once, marker " + marker + ")");
        }
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.setParallelism(1);
        env.enableCheckpointing(1000);
        env.getCheckpointConfig().setCheckpointStorage(args[0]);
        env.getCheckpointConfig().setExternalizedCheckpointCleanup(args[3].equals("RETAIN")
                ? ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION : ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION);
        long records = Long.parseLong(args[4]);
        String marker = args.length > 5 ? args[5] : null;
        env.fromGenerator(records, CheckpointedCountsProgram::paced).uid("numbers")
                .map(i -> {
                    if (marker != null && i == records / 2) {
                        failOnce(marker);
                    }
                    return Tuple2.of(i % KEYS, 1L);
                }).uid("to-pairs")
                .keyBy(t -> t.f0).sum(1).uid(args[2])
                .writeAsText(args[1]).uid("out");
        env.execute("checkpointed counts");
    }
}
