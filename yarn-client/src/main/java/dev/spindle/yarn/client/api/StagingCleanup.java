package dev.spindle.yarn.client.api;

import java.util.List;

/** What {@link ClusterClient#removeEndedStagingDirs()} did: the staging root it looked in and the dirs it removed. */
public record StagingCleanup(String stagingRoot, List<String> removed) {
}
