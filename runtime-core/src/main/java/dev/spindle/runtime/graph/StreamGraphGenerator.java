package dev.spindle.runtime.graph;

import dev.spindle.api.RuntimeMode;
import dev.spindle.api.dag.OneInputTransformation;
import dev.spindle.api.dag.PartitionTransformation;
import dev.spindle.api.OutputTag;
import dev.spindle.api.dag.SideOutputTransformation;
import dev.spindle.api.dag.SinkTransformation;
import dev.spindle.api.dag.SourceTransformation;
import dev.spindle.api.dag.Transformation;
import dev.spindle.api.dag.TwoInputTransformation;
import dev.spindle.api.dag.UnionTransformation;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.operators.StreamOperator;
import dev.spindle.runtime.streamtask.ForwardPartitioner;
import dev.spindle.runtime.streamtask.Partitioner;
import dev.spindle.runtime.streamtask.RebalancePartitioner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the transformations of a program into a {@link StreamGraph}: sources, operators and sinks
 * become nodes with a resolved parallelism and the runtime operator chosen by {@link RuntimeOperators};
 * partitionings and unions become properties of the edges. An
 * edge without an explicit partitioning is FORWARD between equal parallelisms and REBALANCE otherwise.
 */
public final class StreamGraphGenerator {

    private final int defaultParallelism;
    private final RuntimeMode configuredMode;
    private final Map<Integer, List<Upstream>> translated = new HashMap<>();
    private StreamGraph graph;
    private OperatorUids uids;

    public StreamGraphGenerator(int defaultParallelism, RuntimeMode configuredMode) {
        if (defaultParallelism < 1) {
            throw new IllegalArgumentException("parallelism.default must be at least 1, was " + defaultParallelism);
        }
        this.defaultParallelism = defaultParallelism;
        this.configuredMode = configuredMode;
    }

    /** A node that feeds a consumer, with the partitioning chosen on the way (null: default). */
    private record Upstream(StreamNode node, ShipStrategy strategy, Partitioner partitioner, OutputTag<?> tag) {
        Upstream(StreamNode node, ShipStrategy strategy, Partitioner partitioner) {
            this(node, strategy, partitioner, null);
        }
    }

    public StreamGraph generate(List<Transformation<?>> transformations) {
        if (transformations.stream().noneMatch(Transformation::isPhysical)) {
            throw new IllegalStateException("The program defines no operators: add a source, operators and a sink "
                    + "(e.g. print() or writeAsText(path)) before calling execute()");
        }
        List<Transformation<?>> sorted = new ArrayList<>(transformations);
        sorted.sort(Comparator.comparingInt(Transformation::getId));
        graph = new StreamGraph(resolveMode(sorted));
        uids = new OperatorUids();
        for (Transformation<?> t : sorted) {
            translate(t);
        }
        return graph;
    }

    private RuntimeMode resolveMode(List<Transformation<?>> transformations) {
        List<String> unbounded = transformations.stream()
                .filter(t -> t instanceof SourceTransformation<?> s && !s.isBounded()).map(Transformation::getName).toList();
        return switch (configuredMode) {
            case STREAMING -> RuntimeMode.STREAMING;
            case BATCH -> {
                if (!unbounded.isEmpty()) {
                    throw new IllegalStateException("execution.runtime-mode is BATCH but source(s) " + unbounded
                            + " are unbounded; use STREAMING (or AUTOMATIC), or make the sources bounded");
                }
                yield RuntimeMode.BATCH;
            }
            case AUTOMATIC -> unbounded.isEmpty() ? RuntimeMode.BATCH : RuntimeMode.STREAMING;
        };
    }

    private List<Upstream> translate(Transformation<?> t) {
        List<Upstream> done = translated.get(t.getId());
        if (done != null) {
            return done;
        }
        List<Upstream> result;
        if (t instanceof SourceTransformation<?> source) {
            StreamNode node = new StreamNode(t.getId(), "Source: " + t.getName(), parallelism(t),
                    RuntimeOperators.source(source.getSource()), true, source.isBounded());
            graph.addNode(node);
            uids.assign(node, t.getUid());
            result = List.of(new Upstream(node, null, null));
        } else if (t instanceof OneInputTransformation<?, ?> op) {
            result = List.of(consumer(t, RuntimeOperators.operator(op.getOperator())));
        } else if (t instanceof TwoInputTransformation<?, ?, ?> op) {
            result = List.of(twoInputConsumer(op));
        } else if (t instanceof SinkTransformation<?> sink) {
            result = List.of(consumer(t, RuntimeOperators.sink(sink.getSink())));
        } else if (t instanceof PartitionTransformation<?> p) {
            result = new ArrayList<>();
            ShipStrategy strategy = Partitioners.shipStrategy(p.getPartitioning());
            Partitioner partitioner = Partitioners.partitioner(p);
            for (Upstream in : translate(p.getInputs().get(0))) {
                result.add(new Upstream(in.node(), strategy, partitioner, in.tag()));
            }
        } else if (t instanceof SideOutputTransformation<?> side) {
            result = new ArrayList<>();
            for (Upstream in : translate(side.getInputs().get(0))) {
                if (in.tag() != null) {
                    throw new IllegalStateException("getSideOutput(" + side.getTag().getId() + ") reads a side output of a side output");
                }
                result.add(new Upstream(in.node(), in.strategy(), in.partitioner(), side.getTag()));
            }
        } else if (t instanceof UnionTransformation<?> u) {
            result = new ArrayList<>();
            for (Transformation<?> input : u.getInputs()) {
                result.addAll(translate(input));
            }
        } else {
            throw new IllegalStateException("unknown transformation " + t.getClass().getName());
        }
        translated.put(t.getId(), result);
        return result;
    }

    /** The node of an operator or sink, connected to everything its input resolves to. */
    private Upstream consumer(Transformation<?> t, StreamOperator<?, ?> operator) {
        List<Upstream> inputs = translate(t.getInputs().get(0));
        StreamNode node = new StreamNode(t.getId(), t.getName(), parallelism(t), operator, false, true);
        graph.addNode(node);
        for (Upstream in : inputs) {
            graph.addEdge(edge(in, node));
        }
        uids.assign(node, t.getUid());
        return new Upstream(node, null, null);
    }

    /** The node of an operator on connected streams; each edge says which of its two inputs it feeds. */
    private Upstream twoInputConsumer(TwoInputTransformation<?, ?, ?> t) {
        List<Upstream> inputs1 = translate(t.getInput1());
        List<Upstream> inputs2 = translate(t.getInput2());
        StreamNode node = new StreamNode(t.getId(), t.getName(), parallelism(t), RuntimeOperators.twoInputOperator(t.getOperator()),
                false, true);
        graph.addNode(node);
        for (Upstream in : inputs1) {
            graph.addEdge(edge(in, node, 0));
        }
        for (Upstream in : inputs2) {
            graph.addEdge(edge(in, node, 1));
        }
        uids.assign(node, t.getUid());
        return new Upstream(node, null, null);
    }

    private int parallelism(Transformation<?> t) {
        return t.getParallelism() == Transformation.DEFAULT_PARALLELISM ? defaultParallelism : t.getParallelism();
    }

    private static StreamEdge edge(Upstream in, StreamNode target) {
        return edge(in, target, 0);
    }

    private static StreamEdge edge(Upstream in, StreamNode target, int targetInput) {
        if (in.strategy() != null) {
            return new StreamEdge(in.node(), target, in.strategy(), in.partitioner(), in.tag(), targetInput);
        }
        if (in.node().getParallelism() == target.getParallelism()) {
            return new StreamEdge(in.node(), target, ShipStrategy.FORWARD, new ForwardPartitioner(), in.tag(), targetInput);
        }
        return new StreamEdge(in.node(), target, ShipStrategy.REBALANCE, new RebalancePartitioner(), in.tag(), targetInput);
    }
}
