package dev.spindle.it.programs;

import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.SourceFunction;

/**
 * A job that stays RUNNING until a release file exists: {@code <release> <output> <jobName>}. It
 * emits {@link #LINES}, waits for the release (or a cancel), and writes the lines upper-cased to
 * {@code <output>}, so a test can hold jobs running side by side and then check their output.
 */
public final class GatedJob {

    public static final List<String> LINES = List.of("to be or not to be", "that is the question", "whether tis nobler");

    private GatedJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.addSource(new GatedLines(args[0]), "Gated lines")
                .map((String line) -> line.toUpperCase(java.util.Locale.ROOT)).name("Upper")
                .writeAsText(args[1]);
        System.out.println(env.execute(args[2]));
    }

    /** Emits the lines, then holds until the release file exists (at most 90 s) or the job is cancelled. */
    public static final class GatedLines implements SourceFunction<String> {
        private static final long serialVersionUID = 1L;
        private final String release;
        private volatile boolean running = true;

        GatedLines(String release) {
            this.release = release;
        }

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            LINES.forEach(ctx::collect);
            Path path = new Path(release);
            FileSystem fs = path.getFileSystem(new Configuration());
            long deadline = System.currentTimeMillis() + 90_000;
            while (running && !fs.exists(path)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("release file " + release + " did not appear within 90 s");
                }
                Thread.sleep(50); // another process creates the file; HDFS has no cheap notification
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
