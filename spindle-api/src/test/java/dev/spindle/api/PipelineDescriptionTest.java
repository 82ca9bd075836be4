package dev.spindle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.dag.OneInputTransformation;
import dev.spindle.api.dag.OperatorDescription;
import dev.spindle.api.dag.PartitionTransformation;
import dev.spindle.api.dag.Partitioning;
import dev.spindle.api.dag.Pipeline;
import dev.spindle.api.dag.SinkDescription;
import dev.spindle.api.dag.SinkTransformation;
import dev.spindle.api.dag.SourceDescription;
import dev.spindle.api.dag.SourceTransformation;
import dev.spindle.api.dag.Transformation;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API alone: a program becomes a pipeline of descriptions, and nothing of the runtime is needed to build it. */
class PipelineDescriptionTest {

    private static StreamEnvironment env() {
        return new StreamEnvironment((pipeline, conf, cl) -> {
            throw new UnsupportedOperationException("not run here");
        }, new Configuration(), null);
    }

    @Test
    void aWordCountBecomesSourceOperatorsPartitioningAndSink() {
        StreamEnvironment env = env();
        KeySelector<Tuple2<String, Long>, String> byWord = t -> t.f0;
        env.readTextFile("in.txt").map(line -> Tuple2.of(line, 1L)).keyBy(byWord).sum(1).writeAsText("out", WriteMode.OVERWRITE);
        // Partitionings and unions are reached through their consumers' inputs; the list holds what runs.
        List<Transformation<?>> steps = env.getPipeline("wc").getTransformations();
        assertEquals(4, steps.size(), steps.toString());

        SourceTransformation<?> source = assertInstanceOf(SourceTransformation.class, steps.get(0));
        assertEquals(new SourceDescription.TextFile("in.txt"), source.getSource());
        assertTrue(source.isBounded());
        assertInstanceOf(OperatorDescription.Map.class, ((OneInputTransformation<?, ?>) steps.get(1)).getOperator());
        OneInputTransformation<?, ?> sumStep = assertInstanceOf(OneInputTransformation.class, steps.get(2));
        OperatorDescription.KeyedSum<?, ?> sum = assertInstanceOf(OperatorDescription.KeyedSum.class, sumStep.getOperator());
        assertEquals(1, sum.position());
        PartitionTransformation<?> keyBy = assertInstanceOf(PartitionTransformation.class, sumStep.getInputs().get(0));
        assertEquals(Partitioning.HASH, keyBy.getPartitioning());
        assertSame(byWord, keyBy.getKeySelector());
        SinkTransformation<?> sink = assertInstanceOf(SinkTransformation.class, steps.get(3));
        assertEquals(new SinkDescription.TextFile<>("out", WriteMode.OVERWRITE), sink.getSink());
        assertEquals("Sink: Text File out", sink.getName());
    }

    @Test
    void elementsAreCapturedWhenTheProgramIsBuilt() {
        StreamEnvironment env = env();
        List<String> words = new ArrayList<>(List.of("a", "b"));
        env.fromCollection(words).print();
        words.add("c");
        Pipeline pipeline = env.getPipeline("elements");
        SourceTransformation<?> source = (SourceTransformation<?>) pipeline.getTransformations().get(0);
        assertEquals(List.of("a", "b"), ((SourceDescription.Elements<?>) source.getSource()).elements());
        assertEquals(1, source.getParallelism(), "a collection is read by one subtask");
    }

    @Test
    void mistakesFailWhileTheProgramIsBuilt() {
        StreamEnvironment env = env();
        assertThrows(IllegalArgumentException.class, () -> env.readTextFile(" "));
        assertThrows(IllegalArgumentException.class, () -> env.fromSequence(0, 1).writeAsText(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.fromSequence(0, 1)
                .map(x -> Tuple2.of(x, x)).keyBy(t -> t.f0).sum(2));
        assertEquals("sum(2): a Tuple2 has fields 0 and 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.socketTextStream("h", 1).setParallelism(2));
    }

    @Test
    void withoutTheRuntimeOnTheClasspathGetEnvironmentNamesTheArtifactToAdd() {
        IllegalStateException e = assertThrows(IllegalStateException.class, StreamEnvironment::getEnvironment);
        assertTrue(e.getMessage().contains("dev.spindle:spindle-runtime-core"), e.getMessage());
    }
}
