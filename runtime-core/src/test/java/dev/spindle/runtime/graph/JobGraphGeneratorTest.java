package dev.spindle.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.DataStream;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.jobgraph.JobEdge;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.serialization.JavaSerialization;
import dev.spindle.runtime.streamtask.StreamTaskConfig;
import dev.spindle.runtime.streamtask.StreamTaskInvokable;
import dev.spindle.runtime.streamtask.harness.LocalJobRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobGraphGeneratorTest {

    private static StreamEnvironment env() {
        return new StreamEnvironment(new LocalJobRunner(), new Configuration(), null);
    }

    private static List<String> names(JobGraph g) {
        return g.getVertices().stream().map(JobVertex::getName).toList();
    }

    @Test
    void forwardOperatorsWithEqualParallelismAreChainedWithTheirSource() {
        StreamEnvironment env = env();
        env.setParallelism(4);
        env.fromSequence(1, 100).name("numbers")
                .map(x -> x * 2)
                .filter(x -> x % 3 == 0)
                .keyBy(x -> x % 10)
                .reduce(Long::sum)
                .map(x -> "v" + x)
                .print();
        JobGraph g = PipelineTranslator.translate(env, "chain");
        assertEquals(List.of("Source: numbers -> Map -> Filter", "Keyed Reduce -> Map -> Sink: Print to Std. Out"), names(g));
        assertEquals(1, g.getEdges().size());
        JobEdge edge = g.getEdges().get(0);
        assertEquals(ShipStrategy.HASH, edge.shipStrategy());
        for (JobVertex v : g.getVertices()) {
            assertEquals(StreamTaskInvokable.class.getName(), v.getInvokableClassName());
            assertEquals(4, v.getParallelism());
        }
    }

    static final class Both implements dev.spindle.api.functions.co.CoMapFunction<Long, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map1(Long value) {
            return "l" + value;
        }

        @Override
        public String map2(String value) {
            return value;
        }
    }

    @Test
    void aConnectedOperatorHeadsItsChainAndKnowsTheInputOfEachGate() throws Exception {
        StreamEnvironment env = env();
        env.setParallelism(2);
        DataStream<Long> a = env.fromSequence(0, 10).name("a");
        DataStream<Long> b = env.fromSequence(20, 30).name("b");
        // the first input is a union of two sources; the second reads one of them again, keyed
        a.union(b).connect(a.keyBy(x -> x % 2).map(x -> "s" + x).name("strings"))
                .map(new Both())
                .print();
        JobGraph g = PipelineTranslator.translate(env, "connect");
        JobVertex coMap = g.getVertices().stream().filter(v -> v.getName().startsWith("Co-Map")).findFirst().orElseThrow();
        assertEquals("Co-Map -> Sink: Print to Std. Out", coMap.getName());
        List<JobEdge> in = g.getInputEdges(coMap.getId());
        StreamTaskConfig config = JavaSerialization.fromBytes(coMap.getTaskConfiguration(), getClass().getClassLoader());
        assertEquals(3, in.size());
        assertEquals(in.size(), config.gateInputs().size());
        for (int gate = 0; gate < in.size(); gate++) {
            String source = g.vertex(in.get(gate).source()).getName();
            assertEquals(source.equals("strings") ? 1 : 0, config.inputOfGate(gate),
                    "gate " + gate + " from " + source);
        }
        assertEquals(List.of(0, 0, 1), config.gateInputs().stream().sorted().toList());
    }

    @Test
    void differentParallelismRebalanceAndBroadcastBreakChains() throws Exception {
        StreamEnvironment env = env();
        env.setParallelism(2);
        DataStream<Long> source = env.fromElements(1L, 2L, 3L); // parallelism 1
        source.map(x -> x + 1).name("inc")                          // 2: REBALANCE edge
                .rebalance().map(x -> x).name("same")                // explicit REBALANCE
                .broadcast().filter(x -> true).setParallelism(3)     // BROADCAST
                .print().setParallelism(3);                          // chained: FORWARD, equal parallelism
        JobGraph g = PipelineTranslator.translate(env, "breaks");
        assertEquals(List.of("Source: Collection", "inc", "same", "Filter -> Sink: Print to Std. Out"), names(g));
        assertEquals(List.of(1, 2, 2, 3), g.getVertices().stream().map(JobVertex::getParallelism).toList());
        assertEquals(List.of(ShipStrategy.REBALANCE, ShipStrategy.REBALANCE, ShipStrategy.BROADCAST),
                g.getEdges().stream().map(JobEdge::shipStrategy).toList());
        StreamTaskConfig config = JavaSerialization.fromBytes(g.getVertices().get(3).getTaskConfiguration(), getClass().getClassLoader());
        assertEquals("Filter", config.head().getName());
        assertEquals(1, config.head().getChainedOutputs().size());
        assertTrue(config.batchMode(), "bounded sources under AUTOMATIC run as BATCH");
    }

    @Test
    void unionBecomesTwoInputEdgesAndAFanOutGetsTwoOutputEdges() {
        StreamEnvironment env = env();
        env.setParallelism(2);
        DataStream<Long> a = env.fromSequence(0, 10);
        DataStream<Long> b = env.fromSequence(20, 30);
        a.print();
        a.union(b).map(x -> x).print();
        JobGraph g = PipelineTranslator.translate(env, "union");
        // a -> print is chained; a and b both feed the union's map through FORWARD network edges.
        assertEquals(List.of("Source: Sequence 0..10 -> Sink: Print to Std. Out", "Source: Sequence 20..30",
                "Map -> Sink: Print to Std. Out"), names(g));
        JobVertex map = g.getVertices().get(2);
        assertEquals(2, g.getInputEdges(map.getId()).size());
        assertEquals(List.of(0, 1), g.getInputEdges(map.getId()).stream().map(JobEdge::targetInputIndex).toList());
    }

    @Test
    void runtimeModeIsResolvedFromSourceBoundedness() throws Exception {
        StreamEnvironment env = env();
        env.fromGenerator(i -> i).print();
        StreamTaskConfig config = JavaSerialization.fromBytes(PipelineTranslator.translate(env, "g").getVertices().get(0).getTaskConfiguration(), null);
        assertEquals(false, config.batchMode(), "an unbounded source makes AUTOMATIC run as STREAMING");

        StreamEnvironment batch = env();
        batch.setRuntimeMode(RuntimeMode.BATCH);
        batch.fromGenerator(i -> i).print();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PipelineTranslator.translate(batch, "g"));
        assertTrue(e.getMessage().contains("unbounded"), e.getMessage());
    }

    @Test
    void programWithoutOperatorsIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PipelineTranslator.translate(env(), "empty"));
        assertTrue(e.getMessage().contains("no operators"));
    }

    @Test
    void nonParallelSourcesRefuseParallelism() {
        StreamEnvironment env = env();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.socketTextStream("localhost", 9999).setParallelism(2));
        assertTrue(e.getMessage().contains("cannot run in parallel"));
    }
}
