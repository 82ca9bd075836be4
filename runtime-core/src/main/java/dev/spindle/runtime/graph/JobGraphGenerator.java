package dev.spindle.runtime.graph;

import dev.spindle.api.RuntimeMode;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.jobgraph.JobVertexID;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.serialization.JavaSerialization;
import dev.spindle.runtime.streamtask.ChainedOperatorConfig;
import dev.spindle.runtime.streamtask.StreamTaskConfig;
import dev.spindle.runtime.streamtask.StreamTaskInvokable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link JobGraph} of a {@link StreamGraph}. Operators connected FORWARD with equal
 * parallelism, where the consumer has that single input, are chained into one vertex (a method
 * call per record instead of serialization); every other connection becomes a {@code JobEdge}.
 * Every vertex runs {@link StreamTaskInvokable} with its chain serialized as task configuration.
 */
public final class JobGraphGenerator {

    private JobGraphGenerator() {
    }

    public static JobGraph generate(StreamGraph streamGraph, String jobName, Configuration jobConfiguration) {
        return generate(streamGraph, new JobID(), jobName, jobConfiguration);
    }

    public static JobGraph generate(StreamGraph streamGraph, JobID jobId, String jobName, Configuration jobConfiguration) {
        boolean batch = streamGraph.getRuntimeMode() == RuntimeMode.BATCH;
        Map<StreamNode, List<StreamNode>> chains = new LinkedHashMap<>();
        Map<StreamNode, StreamNode> headOf = new HashMap<>();
        for (StreamNode node : streamGraph.getNodes()) {
            if (!isChainedToInput(node)) {
                List<StreamNode> members = new ArrayList<>();
                collectChain(node, members);
                chains.put(node, members);
                for (StreamNode member : members) {
                    headOf.put(member, node);
                }
            }
        }

        // Output edges of each chain, in the order its writers are numbered (pre-order of the chain, then edge order).
        Map<StreamNode, List<StreamEdge>> networkOutputs = new LinkedHashMap<>();
        JobGraph jobGraph = new JobGraph(jobId, jobName, jobConfiguration);
        // the runtime (job master: no checkpoints in BATCH) sees the resolved mode, not AUTOMATIC
        jobGraph.getJobConfiguration().set(dev.spindle.configuration.ExecutionOptions.RUNTIME_MODE, streamGraph.getRuntimeMode());
        Map<StreamNode, ChainedOperatorConfig> configs = new HashMap<>();
        for (StreamNode head : chains.keySet()) {
            List<StreamEdge> outputs = new ArrayList<>();
            configs.put(head, chainConfig(head, null, outputs));
            networkOutputs.put(head, outputs);
        }
        // A vertex's input gates are numbered in the order its edges are connected below; each gate feeds one input of the head.
        Map<StreamNode, List<Integer>> gateInputs = new HashMap<>();
        for (List<StreamEdge> outputs : networkOutputs.values()) {
            for (StreamEdge edge : outputs) {
                gateInputs.computeIfAbsent(headOf.get(edge.target()), h -> new ArrayList<>()).add(edge.targetInput());
            }
        }
        Map<StreamNode, JobVertexID> vertexIds = new HashMap<>();
        for (Map.Entry<StreamNode, List<StreamNode>> chain : chains.entrySet()) {
            StreamNode head = chain.getKey();
            byte[] taskConfiguration = JavaSerialization.toBytes(new StreamTaskConfig(configs.get(head), batch,
                    gateInputs.getOrDefault(head, List.of())));
            String name = String.join(" -> ", chain.getValue().stream().map(StreamNode::getName).toList());
            JobVertexID id = new JobVertexID();
            vertexIds.put(head, id);
            JobVertex vertex = new JobVertex(id, name, head.getParallelism(), StreamTaskInvokable.class.getName(), taskConfiguration);
            vertex.setOperatorUids(chain.getValue().stream().map(StreamNode::getUid).toList());
            jobGraph.addVertex(vertex);
        }
        for (Map.Entry<StreamNode, List<StreamEdge>> outputs : networkOutputs.entrySet()) {
            for (StreamEdge edge : outputs.getValue()) {
                jobGraph.connect(vertexIds.get(outputs.getKey()), vertexIds.get(headOf.get(edge.target())), edge.shipStrategy());
            }
        }
        return jobGraph;
    }

    static boolean isChainable(StreamEdge edge) {
        return edge.shipStrategy() == ShipStrategy.FORWARD
                && edge.source().getParallelism() == edge.target().getParallelism()
                && edge.target().getInEdges().size() == 1;
    }

    private static boolean isChainedToInput(StreamNode node) {
        return node.getInEdges().size() == 1 && isChainable(node.getInEdges().get(0));
    }

    private static void collectChain(StreamNode node, List<StreamNode> members) {
        members.add(node);
        for (StreamEdge out : node.getOutEdges()) {
            if (isChainable(out)) {
                collectChain(out.target(), members);
            }
        }
    }

    private static ChainedOperatorConfig chainConfig(StreamNode node, dev.spindle.api.OutputTag<?> inputTag,
                                                     List<StreamEdge> networkOutputs) {
        ChainedOperatorConfig config = new ChainedOperatorConfig(node.getName(), node.getOperator(), node.getUid(), inputTag);
        for (StreamEdge out : node.getOutEdges()) {
            if (!isChainable(out)) {
                config.getNetworkOutputs().add(new ChainedOperatorConfig.NetworkOutputConfig(networkOutputs.size(), out.partitioner(),
                        out.outputTag()));
                networkOutputs.add(out);
            }
        }
        for (StreamEdge out : node.getOutEdges()) {
            if (isChainable(out)) {
                config.getChainedOutputs().add(chainConfig(out.target(), out.outputTag(), networkOutputs));
            }
        }
        return config;
    }
}
