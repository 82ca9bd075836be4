package dev.spindle.it.programs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.functions.SourceFunction;
import dev.spindle.api.tuple.Tuple2;

/**
 * A WordCount whose source emits {@link #lines()}, announces that by creating a file in
 * {@code <markers>}, and holds until {@code <release>} exists: {@code <release> <markers> <output>}.
 * A test can so kill a TaskExecutor while the job is surely mid-run, and count the attempts by
 * the marker files (each attempt of the source writes one).
 */
public final class GatedWordCount {

    public static final String[] WORDS = {"spindle", "yarn", "hdfs", "slot", "container", "queue", "heap", "jar"};

    private GatedWordCount() {
    }

    /** The input: 3000 lines, line i holding the first (i % 8) + 1 words. */
    public static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int line = 0; line < 3000; line++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w <= line % WORDS.length; w++) {
                text.append(WORDS[w]).append(' ');
            }
            lines.add(text.toString().trim());
        }
        return lines;
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.addSource(new GatedLines(args[0], args[1]), "Gated lines").setParallelism(1)
                .flatMap(new Tokenizer()).name("Tokenizer")
                .keyBy(t -> t.f0)
                .sum(1)
                .map((Tuple2<String, Long> t) -> t.f0 + "\t" + t.f1).name("Format")
                .writeAsText(args[2]);
        System.out.println(env.execute("GatedWordCount"));
    }

    /** Splits a line into (word, 1). */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
            for (String word : line.split(" ")) {
                out.collect(Tuple2.of(word, 1L));
            }
        }
    }

    /** Emits the lines, writes a marker, then holds until the release file exists (at most 120 s) or a cancel. */
    public static final class GatedLines implements SourceFunction<String> {
        private static final long serialVersionUID = 1L;
        private final String release;
        private final String markers;
        private volatile boolean running = true;

        GatedLines(String release, String markers) {
            this.release = release;
            this.markers = markers;
        }

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            lines().forEach(ctx::collect);
            Path path = new Path(release);
            FileSystem fs = path.getFileSystem(new Configuration());
            try (var out = fs.create(new Path(markers, "emitted-" + UUID.randomUUID()))) {
                out.write("emitted".getBytes(StandardCharsets.UTF_8));
            }
            long deadline = System.currentTimeMillis() + 120_000;
            while (running && !fs.exists(path)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("release file " + release + " did not appear within 120 s");
                }
                Thread.sleep(50); // another process creates the file; HDFS has no cheap notification
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        /** It ends once released: the keyed sum then emits each word's final count once, as WordCount does. */
        @Override
        public boolean isBounded() {
            return true;
        }
    }
}
