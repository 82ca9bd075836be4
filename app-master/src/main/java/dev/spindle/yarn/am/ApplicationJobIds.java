package dev.spindle.yarn.am;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.IntFunction;

import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.ContainerId;

import dev.spindle.api.JobID;

/**
 * Job ids of an application-mode program, derived from the YARN application id and the order in
 * which main() submits its jobs: a later AM attempt runs main() again, and its submissions must
 * name the jobs the earlier attempt recorded, so that they resume instead of starting twice.
 */
final class ApplicationJobIds implements IntFunction<JobID> {

    private final String applicationId;

    ApplicationJobIds(String applicationId) {
        this.applicationId = applicationId;
    }

    /** The ids for the application whose AM container this process runs in; random ids when it runs outside YARN. */
    static IntFunction<JobID> ofThisContainer() {
        String containerId = System.getenv(ApplicationConstants.Environment.CONTAINER_ID.name());
        if (containerId == null) {
            return n -> new JobID();
        }
        return new ApplicationJobIds(ContainerId.fromString(containerId).getApplicationAttemptId().getApplicationId().toString());
    }

    @Override
    public JobID apply(int submission) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((applicationId + "/job-" + submission).getBytes(StandardCharsets.UTF_8));
            return JobID.fromHexString(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
