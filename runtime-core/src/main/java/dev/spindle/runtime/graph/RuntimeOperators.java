package dev.spindle.runtime.graph;

import dev.spindle.api.dag.OperatorDescription;
import dev.spindle.api.dag.SinkDescription;
import dev.spindle.api.dag.TwoInputOperatorDescription;
import dev.spindle.runtime.operators.co.CoBroadcastWithKeyedOperator;
import dev.spindle.runtime.operators.co.CoBroadcastWithNonKeyedOperator;
import dev.spindle.runtime.operators.co.CoFlatMapOperator;
import dev.spindle.runtime.operators.co.CoMapOperator;
import dev.spindle.runtime.operators.co.CoProcessOperator;
import dev.spindle.runtime.operators.co.KeyedCoProcessOperator;
import dev.spindle.api.dag.SourceDescription;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.functions.SinkFunction;
import dev.spindle.api.functions.SourceFunction;
import dev.spindle.runtime.operators.FilterOperator;
import dev.spindle.runtime.operators.FlatMapOperator;
import dev.spindle.runtime.operators.KeyedCountOperator;
import dev.spindle.runtime.operators.KeyedProcessOperator;
import dev.spindle.runtime.operators.KeyedReduceOperator;
import dev.spindle.runtime.operators.MapOperator;
import dev.spindle.runtime.operators.ProcessOperator;
import dev.spindle.runtime.operators.TimestampsAndWatermarksOperator;
import dev.spindle.runtime.operators.windowing.WindowOperator;
import dev.spindle.runtime.operators.SinkOperator;
import dev.spindle.runtime.operators.SourceOperator;
import dev.spindle.runtime.operators.StreamOperator;
import dev.spindle.runtime.operators.TupleSumFunction;
import dev.spindle.runtime.operators.sinks.PrintSink;
import dev.spindle.runtime.operators.sinks.TextOutputSink;
import dev.spindle.runtime.operators.sources.CollectionSource;
import dev.spindle.runtime.operators.sources.GeneratorSource;
import dev.spindle.runtime.operators.sources.SequenceSource;
import dev.spindle.runtime.operators.sources.SocketTextSource;
import dev.spindle.runtime.operators.sources.TextFileSource;

/**
 * Chooses the runtime operator for each description of the API's pipeline: which source reads a
 * text file or a socket, which operator runs a keyed sum, which sink writes text. The one place
 * that knows both sides, so the API never constructs runtime classes.
 */
final class RuntimeOperators {

    private RuntimeOperators() {
    }

    /** The source operator reading what {@code description} names. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> SourceOperator<T> source(SourceDescription<T> description) {
        SourceFunction function;
        if (description instanceof SourceDescription.TextFile file) {
            function = new TextFileSource(file.path());
        } else if (description instanceof SourceDescription.Socket socket) {
            function = new SocketTextSource(socket.host(), socket.port());
        } else if (description instanceof SourceDescription.Sequence sequence) {
            function = new SequenceSource(sequence.from(), sequence.to());
        } else if (description instanceof SourceDescription.Generator<?> generator) {
            function = new GeneratorSource<>(generator.count(), generator.generator());
        } else if (description instanceof SourceDescription.Elements<?> elements) {
            function = new CollectionSource<>(elements.elements());
        } else if (description instanceof SourceDescription.UserFunction<?> user) {
            function = user.function();
        } else {
            throw new IllegalArgumentException("unknown source " + description);
        }
        return new SourceOperator<>((SourceFunction<T>) function);
    }

    /** The operator doing what {@code description} says. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static StreamOperator<?, ?> operator(OperatorDescription<?, ?> description) {
        if (description instanceof OperatorDescription.Map<?, ?> map) {
            return new MapOperator<>(map.function());
        } else if (description instanceof OperatorDescription.FlatMap<?, ?> flatMap) {
            return new FlatMapOperator<>(flatMap.function());
        } else if (description instanceof OperatorDescription.Filter<?> filter) {
            return new FilterOperator<>(filter.function());
        } else if (description instanceof OperatorDescription.KeyedMap map) {
            return new MapOperator<>(map.function(), map.keySelector());
        } else if (description instanceof OperatorDescription.KeyedFlatMap flatMap) {
            return new FlatMapOperator<>(flatMap.function(), flatMap.keySelector());
        } else if (description instanceof OperatorDescription.KeyedFilter filter) {
            return new FilterOperator<>(filter.function(), filter.keySelector());
        } else if (description instanceof OperatorDescription.KeyedReduce reduce) {
            return new KeyedReduceOperator<>(reduce.keySelector(), reduce.function());
        } else if (description instanceof OperatorDescription.KeyedSum sum) {
            // Typed on Object: records that are no Tuple2 get TupleSumFunction's message, not a ClassCastException.
            ReduceFunction tupleSum = new TupleSumFunction(sum.position());
            return new KeyedReduceOperator<>(sum.keySelector(), tupleSum);
        } else if (description instanceof OperatorDescription.KeyedCount<?, ?> count) {
            return new KeyedCountOperator<>(count.keySelector());
        } else if (description instanceof OperatorDescription.KeyedProcess process) {
            return new KeyedProcessOperator<>(process.keySelector(), process.function());
        } else if (description instanceof OperatorDescription.Process process) {
            return new ProcessOperator<>(process.function());
        } else if (description instanceof OperatorDescription.TimestampsAndWatermarks assign) {
            return new TimestampsAndWatermarksOperator<>(assign.strategy());
        } else if (description instanceof OperatorDescription.Window window) {
            return new WindowOperator<>(window);
        }
        throw new IllegalArgumentException("unknown operator " + description);
    }

    /** The operator on two connected streams doing what {@code description} says. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static StreamOperator<?, ?> twoInputOperator(TwoInputOperatorDescription<?, ?, ?> description) {
        if (description instanceof TwoInputOperatorDescription.CoMap map) {
            return new CoMapOperator<>(map.function(), map.keySelector1(), map.keySelector2());
        } else if (description instanceof TwoInputOperatorDescription.CoFlatMap flatMap) {
            return new CoFlatMapOperator<>(flatMap.function(), flatMap.keySelector1(), flatMap.keySelector2());
        } else if (description instanceof TwoInputOperatorDescription.CoProcess process) {
            return new CoProcessOperator<>(process.function(), process.keySelector1(), process.keySelector2());
        } else if (description instanceof TwoInputOperatorDescription.KeyedCoProcess process) {
            return new KeyedCoProcessOperator<>(process.function(), process.keySelector1(), process.keySelector2());
        } else if (description instanceof TwoInputOperatorDescription.BroadcastProcess process) {
            return new CoBroadcastWithNonKeyedOperator<>(process.function(), process.broadcastStateDescriptors());
        } else if (description instanceof TwoInputOperatorDescription.KeyedBroadcastProcess process) {
            return new CoBroadcastWithKeyedOperator<>(process.function(), process.keySelector(), process.broadcastStateDescriptors());
        }
        throw new IllegalArgumentException("unknown two-input operator " + description);
    }

    /** The sink operator putting records where {@code description} says. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static SinkOperator<?> sink(SinkDescription<?> description) {
        SinkFunction function;
        if (description instanceof SinkDescription.Print<?>) {
            function = new PrintSink<>();
        } else if (description instanceof SinkDescription.TextFile<?> file) {
            function = new TextOutputSink<>(file.directory(), file.writeMode());
        } else if (description instanceof SinkDescription.UserFunction<?> user) {
            function = user.function();
        } else {
            throw new IllegalArgumentException("unknown sink " + description);
        }
        return new SinkOperator<>(function);
    }
}
