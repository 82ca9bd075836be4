package dev.spindle.it.programs;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.SinkFunction;

/**
 * A job whose operator writes {@link #LINE} to its own logger (so to taskmanager.log), then holds
 * the job until the file named by its argument exists (at most 90 s): a running application with
 * a known user log line. Arguments: {@code <release file>}.
 */
public final class LoggingJobProgram {

    public static final String LINE = "user operator says hello from the TaskExecutor";

    private LoggingJobProgram() {
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(1);
        env.fromElements(args[0]).map(new LogAndWait()).name("LogAndWait").addSink(new Discard());
        env.execute("LoggingJob");
    }

    /** Logs the line, then waits for the release file named by the record. */
    public static final class LogAndWait implements MapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private static final Logger LOG = LoggerFactory.getLogger(LogAndWait.class);

        @Override
        public String map(String releaseFile) throws Exception {
            LOG.info(LINE);
            Path release = new Path(releaseFile);
            FileSystem fs = release.getFileSystem(new Configuration());
            long deadline = System.currentTimeMillis() + 90_000;
            while (!fs.exists(release)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("release file " + release + " did not appear within 90 s");
                }
                Thread.sleep(100); // the test creates the file; HDFS has no cheap notification
            }
            return releaseFile;
        }
    }

    /** Drops every record. */
    public static final class Discard implements SinkFunction<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(String value) {
        }
    }
}
