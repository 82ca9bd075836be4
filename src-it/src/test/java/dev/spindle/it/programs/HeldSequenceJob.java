package dev.spindle.it.programs;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.MapFunction;

/**
 * A bounded job whose reader is held back: {@code <release> <count> <output> <jobName>}. It reads
 * the numbers {@code 1..count} and sends them over the network to a map that waits for the release
 * file before its first record, so the source reads only what the exchange's buffers hold until then
 * (part of its input, for a test to see as progress), then everything.
 */
public final class HeldSequenceJob {

    private HeldSequenceJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(1);
        env.fromSequence(1, Long.parseLong(args[1])).name("Numbers")
                .rebalance()
                .map(new HoldUntilReleased(args[0])).name("Held")
                .writeAsText(args[2]);
        System.out.println(env.execute(args[3]));
    }

    /** Passes records on once the release file exists (waiting at most 120 s, before the first record). */
    static final class HoldUntilReleased implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final String release;
        private transient boolean released;

        HoldUntilReleased(String release) {
            this.release = release;
        }

        @Override
        public Long map(Long value) throws Exception {
            if (!released) {
                Path path = new Path(release);
                FileSystem fs = path.getFileSystem(new Configuration());
                long deadline = System.currentTimeMillis() + 120_000;
                while (!fs.exists(path)) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("release file " + release + " did not appear within 120 s");
                    }
                    Thread.sleep(50); // another process creates the file; HDFS has no cheap notification
                }
                released = true;
            }
            return value;
        }
    }
}
