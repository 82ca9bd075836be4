package dev.spindle.runtime.entrypoint;

import dev.spindle.runtime.dispatcher.DispatcherGateway;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import java.util.concurrent.CompletableFuture;

/**
 * The JobManager side of a running cluster: RPC server, resource manager (with its driver),
 * dispatcher and REST endpoint. Started by the MiniCluster and by the ApplicationMaster's
 * entrypoints through {@link ClusterServicesFactory}.
 */
public interface ClusterServices extends AutoCloseable {

    /** Host the RPC server is reachable on (TaskExecutors connect here). */
    String getRpcHost();

    int getRpcPort();

    /** Base URL of the REST endpoint / web UI, e.g. {@code http://host:port}. */
    String getRestUrl();

    DispatcherGateway getDispatcher();

    /**
     * The application's progress in [0, 1] as the cluster manager should show it: the share of
     * source input the running jobs read (0 for unbounded ones). Safe to call from any thread.
     */
    java.util.function.DoubleSupplier getProgress();

    /**
     * Completes when someone asked the cluster to shut down (a session's {@code stop} over REST),
     * with the status the application should end with.
     */
    CompletableFuture<ApplicationStatus> getShutDownFuture();

    /**
     * Completes with the cause when the cluster below failed beyond repair (its resource manager
     * driver gave up, e.g. YARN ended this attempt); the caller must then end the cluster. Services
     * without such a driver never complete it.
     */
    default CompletableFuture<Throwable> getFatalErrorFuture() {
        return new CompletableFuture<>();
    }

    /** Where renewed delegation tokens are published for the cluster's TaskExecutors. */
    default dev.spindle.runtime.security.tokens.DelegationTokenDistributor getDelegationTokenDistributor() {
        throw new UnsupportedOperationException(getClass().getName() + " distributes no delegation tokens");
    }

    /**
     * Cancels running jobs, releases all workers, tells the driver to deregister with
     * {@code status} and {@code diagnostics}, and stops the services.
     */
    void shutDown(ApplicationStatus status, String diagnostics) throws Exception;

    /**
     * Starts TaskExecutors for {@code slots} slots before any job asks for them, so that they come
     * up while the first job is still being built; ones no job uses are released when idle.
     */
    default void startTaskExecutorsAhead(int slots) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot start TaskExecutors ahead of a job");
    }

    /** Stops the services without deregistering (e.g. when the process is being killed). */
    @Override
    void close() throws Exception;
}
