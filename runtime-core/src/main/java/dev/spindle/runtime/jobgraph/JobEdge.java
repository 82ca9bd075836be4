package dev.spindle.runtime.jobgraph;

import java.io.Serializable;

/**
 * A connection from the output of {@code source} to input number {@code targetInputIndex} of
 * {@code target}. The index of the edge in {@link JobGraph#getEdges()} is its identity; a vertex's
 * outputs and inputs are ordered as {@link JobGraph#getOutputEdges} / {@link JobGraph#getInputEdges}
 * return them.
 */
public record JobEdge(JobVertexID source, JobVertexID target, ShipStrategy shipStrategy, int targetInputIndex)
        implements Serializable {
}
