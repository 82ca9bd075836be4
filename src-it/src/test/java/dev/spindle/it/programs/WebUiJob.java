package dev.spindle.it.programs;

import java.util.Locale;

import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;

/**
 * What the web UI test looks at: {@code <release> <output> <checkpoints> <jobName>}. A gated source
 * of {@link GatedJob#LINES} (one subtask) sends them round-robin over the network to two "Upper"
 * subtasks chained with their sinks, so the job page draws two vertices joined by an edge with
 * records and bytes on both sides; it checkpoints every second into {@code <checkpoints>} and stays
 * RUNNING until the release file exists.
 */
public final class WebUiJob {

    private WebUiJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.setParallelism(2);
        env.enableCheckpointing(1000);
        env.getCheckpointConfig().setCheckpointStorage(args[2]);
        env.addSource(new GatedJob.GatedLines(args[0]), "Gated lines").setParallelism(1)
                .rebalance()
                .map((String line) -> line.toUpperCase(Locale.ROOT)).name("Upper")
                .writeAsText(args[1]);
        System.out.println(env.execute(args[3]));
    }
}
