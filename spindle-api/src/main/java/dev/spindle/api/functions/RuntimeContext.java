package dev.spindle.api.functions;

import dev.spindle.api.accumulators.LongCounter;
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

    /** Per-key state; only in functions applied on a keyed stream. */
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);
}
