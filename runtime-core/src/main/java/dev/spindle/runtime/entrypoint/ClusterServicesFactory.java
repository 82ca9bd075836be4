package dev.spindle.runtime.entrypoint;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.RestOptions;
import dev.spindle.configuration.RpcOptions;
import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.jars.UserJarStore;
import dev.spindle.runtime.recovery.JobRecoveryStore;
import dev.spindle.runtime.jobmaster.JobMasterGrpcService;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ClusterAddresses;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.resourcemanager.ResourceManagerDriver;
import dev.spindle.runtime.rest.RestServer;
import dev.spindle.runtime.rest.WebUiEndpoint;
import dev.spindle.runtime.rpc.ClusterFencing;
import dev.spindle.runtime.rpc.RpcAddress;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.TransportSecurity;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** Starts the JobManager-side services of a cluster. */
public final class ClusterServicesFactory {

    private ClusterServicesFactory() {
    }

    /**
     * Starts RPC, resource manager (driving {@code driver}), dispatcher and REST, bound to
     * {@code bindHost}. Every RPC and REST call must present {@code secret}.
     */
    public static ClusterServices start(Configuration configuration, ResourceManagerDriver driver,
            ClusterSecret secret, String bindHost) throws Exception {
        return start(configuration, driver, secret, bindHost, JobRecoveryStore.none(), null);
    }

    /**
     * Like {@link #start(Configuration, ResourceManagerDriver, ClusterSecret, String)}, recording jobs
     * in {@code recoveryStore} and first resuming those an earlier attempt recorded there, and also
     * serving the read-only web UI through the cluster manager's web proxy as {@code webUi} describes
     * (null: no such entry point).
     */
    public static ClusterServices start(Configuration configuration, ResourceManagerDriver driver,
            ClusterSecret secret, String bindHost, JobRecoveryStore recoveryStore, WebUiEndpoint webUi) throws Exception {
        return start(configuration, driver, secret, bindHost, recoveryStore, webUi, null, null);
    }

    /**
     * Like {@link #start(Configuration, ResourceManagerDriver, ClusterSecret, String, JobRecoveryStore, WebUiEndpoint)},
     * taking user jars over REST into {@code jarStore} (a session's; null: none), and with every RPC the cluster
     * side makes (to TaskExecutors) passing {@code outgoing} (null: none), so that tests can lose messages or
     * answers the way a network would.
     */
    public static ClusterServices start(Configuration configuration, ResourceManagerDriver driver, ClusterSecret secret,
            String bindHost, JobRecoveryStore recoveryStore, WebUiEndpoint webUi, UserJarStore jarStore,
            io.grpc.ClientInterceptor outgoing) throws Exception {
        // security.ssl.* of this process decide how the secret's TLS identity is used on each channel.
        secret = secret.withTransport(TransportSecurity.from(configuration));
        int maxMessage = configuration.get(RpcOptions.MAX_MESSAGE_BYTES);
        dev.spindle.runtime.rpc.RpcKeepAlive keepAlive = dev.spindle.runtime.rpc.RpcKeepAlive.from(configuration);
        // Known once the server is up; TaskExecutors admit only the cluster they are registered with.
        AtomicReference<RpcAddress> ownAddress = new AtomicReference<>();
        RpcClients clients = new RpcClients(secret, maxMessage,
                ClusterFencing.both(outgoing, ClusterFencing.stamp(ownAddress::get)), keepAlive);
        ResourceManager resourceManager = new ResourceManager(configuration, driver, clients);
        AtomicReference<Dispatcher> dispatcherRef = new AtomicReference<>();
        RpcServer rpcServer = null;
        RestServer restServer = null;
        Dispatcher dispatcher = null;
        try {
            rpcServer = RpcServer.start(bindHost, configuration.get(RpcOptions.PORT), secret, maxMessage, List.of(
                    resourceManager.createRpcService(),
                    new JobMasterGrpcService(jobId -> dispatcherRef.get() == null ? null : dispatcherRef.get().runningJobMaster(jobId))),
                    keepAlive);
            ownAddress.set(new RpcAddress(rpcServer.getHost(), rpcServer.getPort()));
            dispatcher = new Dispatcher(configuration, resourceManager, clients, rpcServer.getHost(), rpcServer.getPort(), recoveryStore);
            dispatcherRef.set(dispatcher);
            CompletableFuture<ApplicationStatus> shutDown = new CompletableFuture<>();
            restServer = RestServer.start(bindHost, configuration.get(RestOptions.PORT), secret, webUi, dispatcher, resourceManager, shutDown,
                    configuration.get(RestOptions.MAX_REQUEST_BYTES), jarStore);
            resourceManager.start(new ClusterAddresses(rpcServer.getHost(), rpcServer.getPort(), restServer.getUrl(),
                    restServer.getTrackingUrl()));
            dispatcher.recoverJobs();
            // A shutdown request (REST DELETE /v1/cluster) ends the cluster in every mode: a session
            // ends on the request itself, per-job and application mode once the canceled jobs ended.
            Dispatcher requested = dispatcher;
            shutDown.thenRun(() -> requested.cancelAllJobs("the cluster was asked to shut down"));
            return new DefaultClusterServices(rpcServer, restServer, resourceManager, dispatcher, clients, shutDown);
        } catch (Exception | Error e) {
            if (restServer != null) {
                restServer.close();
            }
            if (dispatcher != null) {
                dispatcher.close();
            }
            resourceManager.close();
            if (rpcServer != null) {
                rpcServer.close();
            }
            clients.close();
            throw e;
        }
    }
}
