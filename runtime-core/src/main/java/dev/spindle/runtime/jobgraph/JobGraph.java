package dev.spindle.runtime.jobgraph;

import dev.spindle.api.JobID;
import dev.spindle.configuration.Configuration;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a client submits: vertices in topological order (sources first), the edges between them,
 * the job's own configuration (restart strategy, runtime mode, ...) and the user jars that
 * TaskExecutors load the user code from. All vertices share one slot-sharing group, so a job
 * needs as many slots as its largest parallelism.
 */
public final class JobGraph implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final String name;
    private final LinkedHashMap<JobVertexID, JobVertex> vertices = new LinkedHashMap<>();
    private final List<JobEdge> edges = new ArrayList<>();
    private final Configuration jobConfiguration;
    private final List<URI> userJars = new ArrayList<>();

    public JobGraph(JobID jobId, String name, Configuration jobConfiguration) {
        this.jobId = Objects.requireNonNull(jobId);
        this.name = Objects.requireNonNull(name);
        this.jobConfiguration = new Configuration(jobConfiguration);
    }

    public JobGraph addVertex(JobVertex vertex) {
        if (vertices.putIfAbsent(vertex.getId(), vertex) != null) {
            throw new IllegalArgumentException("duplicate vertex id " + vertex.getId());
        }
        return this;
    }

    /** Adds an edge; the target input index is the number of inputs the target already has. */
    public JobEdge connect(JobVertexID source, JobVertexID target, ShipStrategy strategy) {
        JobVertex s = vertex(source);
        JobVertex t = vertex(target);
        if (strategy == ShipStrategy.FORWARD && s.getParallelism() != t.getParallelism()) {
            throw new IllegalArgumentException("FORWARD edge " + s.getName() + " -> " + t.getName()
                    + " needs equal parallelism, but has " + s.getParallelism() + " and " + t.getParallelism());
        }
        JobEdge edge = new JobEdge(source, target, strategy, getInputEdges(target).size());
        edges.add(edge);
        return edge;
    }

    public void addUserJar(URI jar) {
        userJars.add(jar);
    }

    public JobID getJobId() {
        return jobId;
    }

    public String getName() {
        return name;
    }

    /** Vertices in the order they were added (topological: producers before consumers). */
    public List<JobVertex> getVertices() {
        return List.copyOf(vertices.values());
    }

    public JobVertex vertex(JobVertexID id) {
        JobVertex v = vertices.get(id);
        if (v == null) {
            throw new IllegalArgumentException("no vertex " + id + " in job " + name);
        }
        return v;
    }

    public List<JobEdge> getEdges() {
        return Collections.unmodifiableList(edges);
    }

    /** Edges into {@code target}, ordered by their target input index. */
    public List<JobEdge> getInputEdges(JobVertexID target) {
        return edges.stream().filter(e -> e.target().equals(target)).toList();
    }

    /** Edges out of {@code source}, in the order they were added. */
    public List<JobEdge> getOutputEdges(JobVertexID source) {
        return edges.stream().filter(e -> e.source().equals(source)).toList();
    }

    /** Slots the job needs: its largest parallelism (one slot-sharing group). */
    public int getMaxParallelism() {
        return vertices.values().stream().mapToInt(JobVertex::getParallelism).max().orElse(0);
    }

    public Configuration getJobConfiguration() {
        return jobConfiguration;
    }

    /** Jars (file:, hdfs:, ...) that hold the user code; loaded in a per-job classloader. */
    public List<URI> getUserJars() {
        return Collections.unmodifiableList(userJars);
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", jobId.toString());
        m.put("name", name);
        m.put("vertices", vertices.values().stream().map(JobVertex::toString).toList());
        return m;
    }
}
