package dev.spindle.runtime.entrypoint;

import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.rest.RestServer;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.RpcServer;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running JobManager-side services started by {@link ClusterServicesFactory}. */
public final class DefaultClusterServices implements ClusterServices {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultClusterServices.class);

    private final RpcServer rpcServer;
    private final RestServer restServer;
    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;
    private final RpcClients clients;
    private final CompletableFuture<ApplicationStatus> shutDownFuture;
    private boolean closed;

    DefaultClusterServices(RpcServer rpcServer, RestServer restServer, ResourceManager resourceManager, Dispatcher dispatcher,
            RpcClients clients, CompletableFuture<ApplicationStatus> shutDownFuture) {
        this.rpcServer = rpcServer;
        this.restServer = restServer;
        this.resourceManager = resourceManager;
        this.dispatcher = dispatcher;
        this.clients = clients;
        this.shutDownFuture = shutDownFuture;
    }

    @Override
    public String getRpcHost() {
        return rpcServer.getHost();
    }

    @Override
    public int getRpcPort() {
        return rpcServer.getPort();
    }

    @Override
    public String getRestUrl() {
        return restServer.getUrl();
    }

    @Override
    public java.util.function.DoubleSupplier getProgress() {
        return dispatcher::applicationProgress;
    }

    /** The dispatcher itself (not only its gateway), with its REST-only views (job details). */
    @Override
    public Dispatcher getDispatcher() {
        return dispatcher;
    }

    @Override
    public dev.spindle.runtime.security.tokens.DelegationTokenDistributor getDelegationTokenDistributor() {
        return resourceManager.delegationTokens();
    }

    @Override
    public void startTaskExecutorsAhead(int slots) {
        resourceManager.startWorkersAhead(slots);
    }

    public ResourceManager getResourceManager() {
        return resourceManager;
    }

    @Override
    public CompletableFuture<ApplicationStatus> getShutDownFuture() {
        return shutDownFuture;
    }

    @Override
    public CompletableFuture<Throwable> getFatalErrorFuture() {
        return resourceManager.fatalError();
    }

    @Override
    public synchronized void shutDown(ApplicationStatus status, String diagnostics) throws Exception {
        if (closed) {
            return;
        }
        LOG.info("Shutting the cluster down with {}: {}", status, diagnostics);
        dispatcher.close();
        try {
            resourceManager.deregisterApplication(status, diagnostics);
        } finally {
            close();
        }
    }

    /**
     * Goes away as a killed ApplicationMaster would, for tests of its failover: connections drop at
     * once and nothing reaches a TaskExecutor any more, so their tasks run on unseen; the jobs stay
     * in the recovery store for the next attempt.
     */
    public synchronized void kill() throws Exception {
        if (closed) {
            return;
        }
        LOG.info("Killing the cluster services: connections dropped, TaskExecutors left running");
        rpcServer.kill();
        clients.close();
        close();
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            restServer.close();
        } catch (Exception e) {
            LOG.warn("Stopping the REST endpoint failed: {}", e.toString());
        }
        dispatcher.close();
        resourceManager.close();
        rpcServer.close();
        clients.close();
        shutDownFuture.complete(ApplicationStatus.UNKNOWN);
    }
}
