package dev.spindle.runtime.operators.windowing;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.eventtime.Watermark;
import dev.spindle.api.eventtime.WatermarkGenerator;
import dev.spindle.api.eventtime.WatermarkOutput;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the event-time tests share: the event type, a punctuated generator, running a job on a MiniCluster and reading its output. */
final class WindowJobs {

    private WindowJobs() {
    }

    /** A test event: a key, an event timestamp (ms) and a value. */
    record Event(String key, long ts, long value) implements Serializable {
        @Override
        public String toString() {
            return key + "@" + ts + "=" + value;
        }
    }

    /** Emits {@code max - bound - 1} after every event: deterministic watermarks (no clock involved). */
    static final class PunctuatedBoundedWatermarks implements WatermarkGenerator<Event>, Serializable {
        private final long bound;
        private long max = Long.MIN_VALUE / 2;

        PunctuatedBoundedWatermarks(long bound) {
            this.bound = bound;
        }

        @Override
        public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
            max = Math.max(max, eventTimestamp);
            output.emitWatermark(new Watermark(max - bound - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    /** Two TaskExecutors with two slots each: the window operator's subtasks talk over the real exchange. */
    static Configuration cluster() {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        return conf;
    }

    static StreamEnvironment environment(int parallelism) {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(parallelism);
        env.setRuntimeMode(dev.spindle.api.RuntimeMode.STREAMING);
        return env;
    }

    static void run(StreamEnvironment env, String name) throws Exception {
        JobGraph job = PipelineTranslator.translate(env, name);
        try (MiniCluster cluster = new MiniCluster(cluster()).start()) {
            cluster.getDispatcher().submitJob(job).get();
            new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(90, TimeUnit.SECONDS);
        }
    }

    /** Every line of the part files under {@code dir}, sorted. */
    static List<String> lines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(dir)) {
            return lines;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        lines.sort(null);
        return lines;
    }

    static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
