package dev.spindle.yarn.am;

import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;

/**
 * Session mode: runs no program of its own; clients submit jobs over REST until someone asks the
 * session to stop ({@code DELETE /v1/cluster}). Running jobs are cancelled by the runner's shutdown.
 */
public final class SessionMode implements AppMasterMode {

    private static final Logger LOG = LoggerFactory.getLogger(SessionMode.class);

    @Override
    public AppMasterOutcome run(ClusterServices services, Configuration configuration) throws Exception {
        LOG.info("Session ready for jobs at {}", services.getRestUrl());
        ApplicationStatus requested;
        try {
            requested = services.getShutDownFuture().get();
        } catch (ExecutionException e) {
            return AppMasterOutcome.failed("The session's services failed: " + AppMasterOutcome.rootCause(e));
        }
        if (requested == ApplicationStatus.SUCCEEDED) {
            LOG.info("Session stop requested; cancelling running jobs and releasing containers");
            return AppMasterOutcome.succeeded("Session stopped on request.");
        }
        // The services stopped without a stop request (e.g. the resource manager lost YARN).
        return AppMasterOutcome.failed("The session's services stopped unexpectedly (" + requested + ").");
    }
}
