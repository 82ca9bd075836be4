package dev.spindle.runtime.operators;

import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.state.AggregatingState;
import dev.spindle.api.state.AggregatingStateDescriptor;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MapState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ReducingState;
import dev.spindle.api.state.ReducingStateDescriptor;
import dev.spindle.api.state.StateDescriptor;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.state.KeyedStateBackend;
import dev.spindle.runtime.task.TaskEnvironment;

/** The {@link RuntimeContext} of a function running in a subtask. */
public final class StreamRuntimeContext implements RuntimeContext {

    private final TaskEnvironment environment;
    private final String taskName;
    private final KeyedStateBackend keyedState;

    StreamRuntimeContext(TaskEnvironment environment, String taskName, KeyedStateBackend keyedState) {
        this.environment = environment;
        this.taskName = taskName;
        this.keyedState = keyedState;
    }

    @Override
    public String getTaskName() {
        return taskName;
    }

    @Override
    public int getIndexOfThisSubtask() {
        return environment.getSubtaskIndex();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return environment.getParallelism();
    }

    @Override
    public int getAttemptNumber() {
        return environment.getAttemptNumber();
    }

    @Override
    public Configuration getJobConfiguration() {
        return environment.getJobConfiguration();
    }

    @Override
    public LongCounter getLongCounter(String name) {
        Object existing = environment.getAccumulatorRegistry().getOrRegister(name, new LongCounter());
        if (!(existing instanceof LongCounter counter)) {
            throw new IllegalStateException("Accumulator '" + name + "' is already registered as a "
                    + existing.getClass().getSimpleName() + ", not a LongCounter; use another name");
        }
        return counter;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return keyedState("getState", descriptor).getValueState(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return keyedState("getListState", descriptor).getListState(descriptor);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        return keyedState("getMapState", descriptor).getMapState(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return keyedState("getReducingState", descriptor).getReducingState(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return keyedState("getAggregatingState", descriptor).getAggregatingState(descriptor);
    }

    private KeyedStateBackend keyedState(String method, StateDescriptor<?, ?> descriptor) {
        if (keyedState == null) {
            throw new UnsupportedOperationException(method + "('" + descriptor.getName() + "') in task " + taskName
                    + ": keyed state is only available in functions on a keyed stream; apply the function after keyBy(...), "
                    + "or use operator state (CheckpointedFunction) on a non-keyed stream");
        }
        return keyedState;
    }
}
