package dev.spindle.api.functions;

import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.api.state.AggregatingState;
import dev.spindle.api.state.AggregatingStateDescriptor;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MapState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ReducingState;
import dev.spindle.api.state.ReducingStateDescriptor;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.configuration.Configuration;

/** What a user function sees of the parallel subtask running it. */
public interface RuntimeContext {

    /** Name of the task (the chain of operators) this function runs in. */
    String getTaskName();

    /** 0-based index of this parallel subtask. */
    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    /** 0 for the first execution; incremented on every restart of the job. */
    int getAttemptNumber();

    /** The job's configuration (user settings made through {@code StreamEnvironment.getConfig()}). */
    Configuration getJobConfiguration();

    /** A counter merged across subtasks into the job result under {@code name}. */
    LongCounter getLongCounter(String name);

    /** Per-key value state; only in functions applied on a keyed stream. */
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    /** Per-key list state; only in functions applied on a keyed stream. */
    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    /** Per-key map state; only in functions applied on a keyed stream. */
    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);

    /** Per-key reducing state; only in functions applied on a keyed stream. */
    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    /** Per-key aggregating state; only in functions applied on a keyed stream. */
    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
