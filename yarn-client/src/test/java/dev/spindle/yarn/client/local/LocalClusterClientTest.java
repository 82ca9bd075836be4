package dev.spindle.yarn.client.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.spindle.configuration.Configuration;
import dev.spindle.api.JobID;
import dev.spindle.yarn.client.ClusterClients;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.OperationNotSupportedException;
import dev.spindle.yarn.client.api.Program;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.api.SpindleClientException;

class LocalClusterClientTest {

    private final JobID job = new JobID();

    @Test
    void aRemoteJarIsRefusedBeforeAnythingRuns() {
        ClusterClient client = new LocalClusterClient(new Configuration(), ProgressListener.SILENT);
        SpindleClientException e = assertThrows(SpindleClientException.class,
                () -> client.run(Program.of("hdfs://nn/jobs/app.jar", null, List.of())));
        assertTrue(e.getMessage().contains("needs a local program jar"), e.getMessage());
    }

    @Test
    void aLocalTargetHasNoClusterToAsk() {
        ClusterClient client = new LocalClusterClient(new Configuration(), ProgressListener.SILENT);
        assertThrows(OperationNotSupportedException.class, client::listJobs);
        assertThrows(OperationNotSupportedException.class, () -> client.cancel(job));
        assertThrows(OperationNotSupportedException.class, client::shutDownCluster);
    }

    @Test
    void savepointAndStopAreRefusedWhereTheyCannotWorkWithoutTouchingYarn() {
        for (DeploymentTarget target : DeploymentTarget.values()) {
            // No Hadoop configuration exists here: an answer proves no YARN call was tried.
            try (ClusterClient client = new ClusterClients().create(target, new Configuration(), ProgressListener.SILENT)) {
                assertEquals(target, client.target());
                if (target == DeploymentTarget.LOCAL) {
                    OperationNotSupportedException savepoint = assertThrows(OperationNotSupportedException.class,
                            () -> client.triggerSavepoint(job, "/sp"));
                    assertTrue(savepoint.getMessage().contains("no cluster to ask"), savepoint.getMessage());
                    assertThrows(OperationNotSupportedException.class, () -> client.stopWithSavepoint(job, null, false));
                    assertThrows(OperationNotSupportedException.class, () -> client.checkpointStats(job));
                } else {
                    OperationNotSupportedException drain = assertThrows(OperationNotSupportedException.class,
                            () -> client.stopWithSavepoint(job, null, true));
                    assertTrue(drain.getMessage().contains("--drain is not supported"), drain.getMessage());
                }
            }
        }
    }
}
