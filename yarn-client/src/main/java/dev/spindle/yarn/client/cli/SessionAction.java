package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.JobManagerOptions;
import dev.spindle.configuration.MemorySize;
import dev.spindle.configuration.TaskManagerOptions;
import java.util.List;

/** {@code bin/yarn-session.sh}: start, attach to, query or stop a session cluster on YARN. */
public record SessionAction(String name, String queue, MemorySize jobManagerMemory, MemorySize taskManagerMemory,
        Integer slots, boolean detached, String applicationId, boolean query, List<String> shipFiles,
        String applicationType, String nodeLabel, boolean stop, List<String> dynamicProperties)
        implements ParsedAction {

    // The YARN options class (yarn-client) owns these keys' definitions; the flags only set them.
    static final String NAME_KEY = "yarn.application.name";
    static final String QUEUE_KEY = "yarn.application.queue";
    static final String TYPE_KEY = "yarn.application.type";
    static final String NODE_LABEL_KEY = "yarn.application.node-label";
    static final String SHIP_FILES_KEY = "yarn.ship-files";

    @Override
    public String action() {
        return "yarn-session";
    }

    @Override
    public void applyTo(Configuration configuration) {
        configuration.set(DeploymentOptions.TARGET, "yarn-session");
        setIfPresent(configuration, NAME_KEY, name);
        setIfPresent(configuration, QUEUE_KEY, queue);
        setIfPresent(configuration, TYPE_KEY, applicationType);
        setIfPresent(configuration, NODE_LABEL_KEY, nodeLabel);
        setIfPresent(configuration, ClusterTarget.APPLICATION_ID_KEY, applicationId);
        if (!shipFiles.isEmpty()) {
            configuration.setString(SHIP_FILES_KEY, String.join(";", shipFiles));
        }
        if (jobManagerMemory != null) {
            configuration.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, jobManagerMemory);
        }
        if (taskManagerMemory != null) {
            configuration.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, taskManagerMemory);
        }
        if (slots != null) {
            configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        }
        if (detached) {
            configuration.set(DeploymentOptions.ATTACHED, false);
        }
    }

    private static void setIfPresent(Configuration configuration, String key, String value) {
        if (value != null) {
            configuration.setString(key, value);
        }
    }
}
