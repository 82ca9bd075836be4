package dev.spindle.yarn.client.preflight;

import org.apache.hadoop.yarn.api.records.Resource;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.JobManagerOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.configuration.memory.JobManagerProcessSpec;
import dev.spindle.configuration.memory.TaskExecutorProcessSpec;

/**
 * The AM and TaskExecutor containers fit the scheduler's maximum allocation; YARN would otherwise
 * reject the AM at submission or leave TaskExecutor requests pending forever. Also runs the memory
 * model, so inconsistent memory settings fail here in every mode.
 */
final class ContainerSizeCheck implements PreflightCheck {

    @Override
    public void check(PreflightContext context) throws PreflightException {
        Configuration conf = context.configuration();
        Resource max = context.maximumAllocation();
        if (max == null) {
            return;
        }
        long amMb = JobManagerProcessSpec.fromConfiguration(conf).getTotalProcessMemory().getMebiBytes();
        long teMb = TaskExecutorProcessSpec.fromConfiguration(conf).getTotalProcessMemory().getMebiBytes();
        fits(JobManagerOptions.TOTAL_PROCESS_MEMORY.key(), amMb, "MB", max.getMemorySize(), "yarn.scheduler.maximum-allocation-mb");
        fits(TaskManagerOptions.TOTAL_PROCESS_MEMORY.key(), teMb, "MB", max.getMemorySize(), "yarn.scheduler.maximum-allocation-mb");
        fits(YarnConfigOptions.APPMASTER_VCORES.key(), conf.get(YarnConfigOptions.APPMASTER_VCORES), "vcores",
                max.getVirtualCores(), "yarn.scheduler.maximum-allocation-vcores");
        fits(YarnConfigOptions.CONTAINERS_VCORES.key(), taskExecutorVcores(conf), "vcores",
                max.getVirtualCores(), "yarn.scheduler.maximum-allocation-vcores");
    }

    /** What the AM asks for per TaskExecutor container: -1 means one vcore per slot. */
    static int taskExecutorVcores(Configuration conf) {
        int vcores = conf.get(YarnConfigOptions.CONTAINERS_VCORES);
        return vcores > 0 ? vcores : conf.get(TaskManagerOptions.NUM_TASK_SLOTS);
    }

    private static void fits(String key, long asked, String unit, long limit, String clusterKey) throws PreflightException {
        if (asked > limit) {
            throw new PreflightException(key + " asks for " + asked + " " + unit + " but the cluster's largest container is "
                    + limit + " " + unit + " (" + clusterKey + "). Lower " + key + " to at most " + limit + " " + unit
                    + ", or ask the cluster admin to raise " + clusterKey + ".");
        }
    }
}
