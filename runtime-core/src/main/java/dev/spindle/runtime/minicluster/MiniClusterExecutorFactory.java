package dev.spindle.runtime.minicluster;

import dev.spindle.api.execution.PipelineExecutor;
import dev.spindle.api.execution.PipelineExecutorFactory;

/** Gives programs started outside any cluster a {@link MiniClusterExecutor}; registered in {@code META-INF/services}. */
public final class MiniClusterExecutorFactory implements PipelineExecutorFactory {

    @Override
    public PipelineExecutor createExecutor() {
        return new MiniClusterExecutor();
    }
}
