package dev.spindle.yarn.client.preflight;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.exceptions.YarnException;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.configuration.memory.JobManagerProcessSpec;
import dev.spindle.configuration.memory.TaskExecutorProcessSpec;

/**
 * The configured parallelism can ever get its slots: counts how many TaskExecutors of the
 * configured size fit on the RUNNING NodeManagers (whole, after the AM), times the slots of each.
 * Only an explicitly configured {@code parallelism.default} is checked: a program may set its own.
 */
final class SlotCapacityCheck implements PreflightCheck {

    @Override
    public void check(PreflightContext context) throws PreflightException {
        Configuration conf = context.configuration();
        if (!conf.contains(CoreOptions.DEFAULT_PARALLELISM)) {
            return;
        }
        int needed = conf.get(CoreOptions.DEFAULT_PARALLELISM);
        List<NodeReport> nodes;
        try {
            nodes = context.yarnClient().getNodeReports(NodeState.RUNNING);
        } catch (YarnException | IOException e) {
            throw new PreflightException("Cannot list the cluster's NodeManagers: " + e.getMessage(), e);
        }
        long amMb = JobManagerProcessSpec.fromConfiguration(conf).getTotalProcessMemory().getMebiBytes();
        long teMb = TaskExecutorProcessSpec.fromConfiguration(conf).getTotalProcessMemory().getMebiBytes();
        int teVcores = ContainerSizeCheck.taskExecutorVcores(conf);
        int amVcores = conf.get(dev.spindle.configuration.YarnConfigOptions.APPMASTER_VCORES);
        int slotsPerExecutor = conf.get(TaskManagerOptions.NUM_TASK_SLOTS);
        long executors = 0;
        long totalMb = 0;
        boolean amPlaced = false;
        for (NodeReport node : nodes) {
            Resource cap = node.getCapability();
            long mb = cap.getMemorySize();
            long vcores = cap.getVirtualCores();
            totalMb += mb;
            if (!amPlaced && mb >= amMb && vcores >= amVcores) {
                mb -= amMb;
                vcores -= amVcores;
                amPlaced = true;
            }
            executors += Math.min(mb / teMb, teVcores <= 0 ? Long.MAX_VALUE : vcores / teVcores);
        }
        long possible = executors * slotsPerExecutor;
        if (needed > possible) {
            throw new PreflightException("The job needs " + needed + " slots (" + CoreOptions.DEFAULT_PARALLELISM.key() + "="
                    + needed + ") but this cluster can give at most " + possible + ": its " + nodes.size()
                    + " running NodeManagers (" + totalMb + " MB in all) fit " + executors + " TaskExecutors of " + teMb
                    + " MB / " + teVcores + " vcores (" + TaskManagerOptions.TOTAL_PROCESS_MEMORY.key() + ") beside the "
                    + amMb + " MB ApplicationMaster, with " + slotsPerExecutor + " slots each ("
                    + TaskManagerOptions.NUM_TASK_SLOTS.key() + "). Lower the parallelism, or raise "
                    + TaskManagerOptions.NUM_TASK_SLOTS.key() + " or lower " + TaskManagerOptions.TOTAL_PROCESS_MEMORY.key() + ".");
        }
    }
}
