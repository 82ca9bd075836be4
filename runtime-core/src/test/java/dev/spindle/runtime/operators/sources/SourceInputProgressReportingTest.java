package dev.spindle.runtime.operators.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.functions.SourceFunction;
import dev.spindle.runtime.metrics.InputProgress;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bounded built-in source tells how much of its own input it read: never more than all, all at its end. */
class SourceInputProgressReportingTest {

    @TempDir
    Path tmp;

    /** A runtime context that knows only the subtask's place; the sources need nothing else to run. */
    private static RuntimeContext subtask(int index, int parallelism) {
        return (RuntimeContext) Proxy.newProxyInstance(RuntimeContext.class.getClassLoader(), new Class<?>[] {RuntimeContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getIndexOfThisSubtask" -> index;
                    case "getNumberOfParallelSubtasks" -> parallelism;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Runs {@code source} to its end, checking at each record that the progress is within its total and never goes back. */
    private static <T> List<T> run(SourceFunction<T> source, InputProgress progress) throws Exception {
        List<T> out = new ArrayList<>();
        long[] last = {0};
        Object lock = new Object();
        source.run(new SourceFunction.SourceContext<>() {
            @Override
            public void collect(T record) {
                long consumed = progress.inputConsumed();
                assertTrue(progress.inputTotal() >= 0, "the total is known once records flow");
                assertTrue(consumed >= last[0] && consumed <= progress.inputTotal(), consumed + " of " + progress.inputTotal());
                last[0] = consumed;
                out.add(record);
            }

            @Override
            public void collectWithTimestamp(T record, long timestamp) {
                collect(record);
            }

            @Override
            public void emitWatermark(dev.spindle.api.eventtime.Watermark watermark) {
                throw new AssertionError("the built-in sources emit no watermarks");
            }

            @Override
            public void markAsTemporarilyIdle() {
                throw new AssertionError("the built-in sources do not go idle");
            }

            @Override
            public Object getCheckpointLock() {
                return lock;
            }
        });
        assertEquals(progress.inputTotal(), progress.inputConsumed(), "all read at the end");
        return out;
    }

    private static <S extends AbstractRichFunction> S opened(S source, int index, int parallelism) throws Exception {
        source.open(subtask(index, parallelism));
        return source;
    }

    @Test
    void sequenceCountsItsSubtasksRange() throws Exception {
        SequenceSource s = opened(new SequenceSource(1, 10), 1, 3);
        assertTrue(s.inputTotal() < 0, "unknown before it runs");
        assertEquals(3, run(s, s).size());
        assertEquals(3, s.inputTotal());
    }

    @Test
    void generatorCountsTheIndexesItsSubtaskOwns() throws Exception {
        GeneratorSource<Long> g = opened(new GeneratorSource<>(10, i -> i), 1, 3);
        assertEquals(List.of(1L, 4L, 7L), run(g, g));
        assertEquals(3, g.inputTotal());
        GeneratorSource<Long> unbounded = new GeneratorSource<>(-1, i -> i);
        assertTrue(unbounded.inputTotal() < 0, "an unbounded generator has no total");
    }

    @Test
    void collectionCountsItsElements() throws Exception {
        CollectionSource<String> c = new CollectionSource<>(List.of("a", "b", "c"));
        assertEquals(3, c.inputTotal());
        assertEquals(0, c.inputConsumed());
        assertEquals(List.of("a", "b", "c"), run(c, c));
    }

    @Test
    void textFileCountsTheBytesOfItsSplitsAndTheReadersTogetherReadTheFile() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("line number ").append(i).append('\n');
        }
        Path file = tmp.resolve("in.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        long totalBytes = 0;
        int lines = 0;
        for (int r = 0; r < 2; r++) {
            TextFileSource reader = opened(new TextFileSource(file.toUri().toString(), 100), r, 2);
            lines += run(reader, reader).size();
            assertTrue(reader.inputTotal() > 0, "each reader has splits of its own");
            totalBytes += reader.inputTotal();
        }
        assertEquals(200, lines);
        assertEquals(Files.size(file), totalBytes, "the splits of all readers cover the file");
    }
}
