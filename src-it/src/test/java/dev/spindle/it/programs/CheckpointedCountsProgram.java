package dev.spindle.it.programs;

import dev.spindle.api.ExternalizedCheckpointCleanup;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.tuple.Tuple2;

/**
 * A keyed, stateful streaming job checkpointing every second:
 * {@code <checkpointsDir> <output> <countsUid> <retention: RETAIN|DELETE> <records>}. It counts
 * {@code records} numbers into {@link #KEYS} keys and writes every running count "(key,count)"
 * exactly once (two-phase-commit text sink), so a restored job's counts must continue without gap or repeat.
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

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.setParallelism(1);
        env.enableCheckpointing(1000);
        env.getCheckpointConfig().setCheckpointStorage(args[0]);
        env.getCheckpointConfig().setExternalizedCheckpointCleanup(args[3].equals("RETAIN")
                ? ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION : ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION);
        env.fromGenerator(Long.parseLong(args[4]), CheckpointedCountsProgram::paced).uid("numbers")
                .map(i -> Tuple2.of(i % KEYS, 1L)).uid("to-pairs")
                .keyBy(t -> t.f0).sum(1).uid(args[2])
                .writeAsText(args[1]).uid("out");
        env.execute("checkpointed counts");
    }
}
