package dev.spindle.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorUidsTest {

    private static JobGraph program(String mapUid) {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        var mapped = env.fromSequence(1, 10).map(x -> x * 2);
        if (mapUid != null) {
            mapped.uid(mapUid);
        }
        mapped.keyBy(x -> x % 3).reduce(Long::sum).print();
        return dev.spindle.runtime.graph.PipelineTranslator.translate(env, "uids");
    }

    private static List<String> uids(JobGraph g) {
        return g.getVertices().stream().flatMap(v -> v.getOperatorUids().stream()).toList();
    }

    @Test
    void defaultUidsAreTheSameForTheSameProgramAndReachEveryChainedOperator() {
        JobGraph a = program(null);
        JobGraph b = program(null);
        assertEquals(uids(a), uids(b));
        for (JobVertex v : a.getVertices()) {
            // source -> map chained; reduce -> print chained: two operators each
            assertEquals(2, v.getOperatorUids().size(), v.toString());
        }
        assertTrue(uids(a).stream().allMatch(u -> u.startsWith("auto-")));
        assertEquals(4, uids(a).stream().distinct().count());
    }

    @Test
    void aUserUidReplacesTheDefaultAndDuplicatesAreRefused() {
        JobGraph g = program("doubler");
        assertEquals("doubler", uids(g).get(1));
        assertNotEquals(uids(program(null)).get(1), "doubler");

        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.fromSequence(1, 10).uid("same").map(x -> x).uid("same").print();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> dev.spindle.runtime.graph.PipelineTranslator.translate(env, "dup"));
        assertTrue(e.getMessage().contains("'same'"), e.getMessage());
        StreamEnvironment env2 = StreamEnvironment.getEnvironment();
        assertThrows(UnsupportedOperationException.class, () -> env2.fromSequence(1, 2).keyBy(x -> x).uid("partition"));
    }
}
