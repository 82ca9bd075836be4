package dev.spindle.runtime.jobgraph;

import dev.spindle.api.AbstractId;

/** Identifies one vertex of a job graph. */
public final class JobVertexID extends AbstractId {

    private static final long serialVersionUID = 1L;

    public JobVertexID() {
        super();
    }

    private JobVertexID(String hex) {
        super(hex);
    }

    public static JobVertexID fromHexString(String hex) {
        return new JobVertexID(hex);
    }
}
