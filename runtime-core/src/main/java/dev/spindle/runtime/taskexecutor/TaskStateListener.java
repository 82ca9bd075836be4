package dev.spindle.runtime.taskexecutor;

import dev.spindle.runtime.rpc.proto.TaskStateUpdate;

/** Where a task reports its state changes (the TaskExecutor forwards them to the job master). */
interface TaskStateListener {

    void onStateChange(Task task, TaskStateUpdate update);
}
