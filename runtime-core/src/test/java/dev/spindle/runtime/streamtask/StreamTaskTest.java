package dev.spindle.runtime.streamtask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.DataStream;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.jobgraph.JobVertexID;
import dev.spindle.runtime.streamtask.harness.CollectSink;
import dev.spindle.runtime.streamtask.harness.HarnessTaskEnvironment;
import dev.spindle.runtime.streamtask.harness.LocalJobRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StreamTaskTest {

    @Test
    void recordsInAndOutAreCountedPerSubtask() throws Exception {
        LocalJobRunner runner = new LocalJobRunner();
        StreamEnvironment env = new StreamEnvironment(runner, new Configuration(), null);
        env.setParallelism(2);
        env.fromSequence(1, 10_000).filter(x -> x % 2 == 0).rebalance().map(x -> x).addSink(new CollectSink<>());
        env.execute("metrics");
        Map<JobVertexID, List<HarnessTaskEnvironment>> envs = runner.lastJob().environments();
        List<List<HarnessTaskEnvironment>> vertices = new ArrayList<>(envs.values());
        long sourceOut = vertices.get(0).stream().mapToLong(e -> e.getIOMetrics().getRecordsOut()).sum();
        long mapIn = vertices.get(1).stream().mapToLong(e -> e.getIOMetrics().getRecordsIn()).sum();
        assertEquals(5000, sourceOut);
        assertEquals(5000, mapIn);
        assertEquals(0, vertices.get(0).get(0).getIOMetrics().getRecordsIn());
    }

    @Test
    void unionReadsAllInputsAndZeroBufferTimeoutSendsEveryRecord() throws Exception {
        StreamEnvironment env = new StreamEnvironment(new LocalJobRunner(), new Configuration(), null);
        env.setParallelism(2);
        env.setBufferTimeout(Duration.ZERO);
        CollectSink<Long> sink = new CollectSink<>();
        DataStream<Long> a = env.fromSequence(0, 999);
        DataStream<Long> b = env.fromSequence(1000, 1999).map(x -> x);
        DataStream<Long> c = env.fromElements(5000L, 5001L);
        a.union(b, c).map(x -> x).addSink(sink);
        env.execute("union");
        TreeSet<Long> expected = new TreeSet<>();
        for (long i = 0; i < 2000; i++) {
            expected.add(i);
        }
        expected.add(5000L);
        expected.add(5001L);
        assertEquals(2002, sink.size());
        assertEquals(expected, new TreeSet<>(sink.values()));
    }

    @Test
    void printWritesToStdoutWithSubtaskPrefixWhenParallel() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StreamEnvironment env = new StreamEnvironment(new LocalJobRunner(), new Configuration(), null);
            env.setParallelism(2);
            env.fromElements("p", "q").rebalance().print();
            env.execute("print parallel");
            StreamEnvironment single = new StreamEnvironment(new LocalJobRunner(), new Configuration(), null);
            single.fromElements("solo").print();
            single.execute("print single");
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().sorted().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("[12]> [pq]"), lines.toString());
        assertTrue(lines.get(1).matches("[12]> [pq]"), lines.toString());
        assertEquals("solo", lines.get(2));
    }

    @Test
    void anOperatorFeedsChainedAndNetworkConsumersAlike() throws Exception {
        LocalJobRunner runner = new LocalJobRunner();
        StreamEnvironment env = new StreamEnvironment(runner, new Configuration(), null);
        env.setParallelism(2);
        CollectSink<Long> chained = new CollectSink<>();
        CollectSink<Long> viaNetwork = new CollectSink<>();
        DataStream<Long> doubled = env.fromSequence(1, 500).map(x -> x * 2);
        doubled.addSink(chained);
        doubled.rebalance().filter(x -> x % 4 == 0).addSink(viaNetwork);
        env.execute("fan out");
        assertEquals(List.of("Source: Sequence 1..500 -> Map -> Sink: Sink", "Filter -> Sink: Sink"),
                runner.lastJob().environments().values().stream().map(e -> e.get(0).getVertex().getName()).toList());
        assertEquals(500, chained.size());
        assertEquals(250, viaNetwork.size());
        assertTrue(viaNetwork.values().stream().allMatch(x -> x % 4 == 0));
    }
}
