package dev.spindle.runtime.minicluster;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.ResourceManagerOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.recovery.JobRecoveryStore;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.runtime.entrypoint.ClusterServicesFactory;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.resourcemanager.WorkerResourceSpec;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.TransportSecurity;
import dev.spindle.runtime.taskexecutor.TaskExecutor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole cluster in this JVM: the JobManager services and {@code minicluster.number-of-taskexecutors}
 * TaskExecutors, all talking over real gRPC and REST on the loopback interface.
 */
public final class MiniCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MiniCluster.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Configuration configuration;
    private final ClusterSecret secret;
    private final JobRecoveryStore recoveryStore;
    private final io.grpc.ClientInterceptor taskExecutorCalls;
    private final io.grpc.ClientInterceptor clusterCalls;
    private InProcessResourceManagerDriver driver;
    private ClusterServices services;

    public MiniCluster(Configuration configuration) {
        this(configuration, JobRecoveryStore.none());
    }

    /**
     * A cluster that records its jobs in {@code recoveryStore} and, on start, resumes those a
     * previous cluster recorded there: how an ApplicationMaster attempt takes over, in one JVM.
     */
    public MiniCluster(Configuration configuration, JobRecoveryStore recoveryStore) {
        this(configuration, recoveryStore, null);
    }

    /**
     * A cluster whose TaskExecutors' outgoing RPCs all pass {@code taskExecutorCalls} (null: none), so
     * that tests can lose or alter messages the way a network would.
     */
    public MiniCluster(Configuration configuration, JobRecoveryStore recoveryStore, io.grpc.ClientInterceptor taskExecutorCalls) {
        this(configuration, recoveryStore, taskExecutorCalls, null);
    }

    /** Like the above, and the job masters' and resource manager's RPCs to TaskExecutors pass {@code clusterCalls} (null: none). */
    public MiniCluster(Configuration configuration, JobRecoveryStore recoveryStore, io.grpc.ClientInterceptor taskExecutorCalls,
                       io.grpc.ClientInterceptor clusterCalls) {
        this.taskExecutorCalls = taskExecutorCalls;
        this.clusterCalls = clusterCalls;
        this.configuration = new Configuration(configuration);
        this.secret = ClusterSecret.generate().withTransport(TransportSecurity.from(this.configuration));
        this.recoveryStore = recoveryStore;
    }

    /** Starts the services and the TaskExecutors, and waits until all TaskExecutors registered. */
    public MiniCluster start() throws Exception {
        int count = configuration.get(MiniClusterOptions.NUM_TASK_EXECUTORS);
        if (count < 0) {
            throw new IllegalArgumentException("minicluster.number-of-taskexecutors must not be negative, was " + count);
        }
        driver = new InProcessResourceManagerDriver(configuration, secret, LOOPBACK, taskExecutorCalls);
        services = ClusterServicesFactory.start(configuration, driver, secret, LOOPBACK, recoveryStore, null, null, clusterCalls);
        WorkerResourceSpec spec = new WorkerResourceSpec(configuration.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY),
                configuration.get(ResourceManagerOptions.TASK_MANAGER_CPU_CORES), configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
        for (int i = 0; i < count; i++) {
            driver.requestWorker(spec).get();
        }
        for (TaskExecutor te : driver.getTaskExecutors()) {
            try {
                te.getRegistrationFuture().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                close();
                throw new IllegalStateException("TaskExecutor " + te.getResourceId() + " did not register with the MiniCluster within 30 s");
            }
        }
        LOG.info("MiniCluster with {} TaskExecutors up; REST at {}", count, services.getRestUrl());
        return this;
    }

    public ClusterServices getClusterServices() {
        return services;
    }

    public Dispatcher getDispatcher() {
        return ((dev.spindle.runtime.entrypoint.DefaultClusterServices) services).getDispatcher();
    }

    public dev.spindle.runtime.resourcemanager.ResourceManager getResourceManager() {
        return ((dev.spindle.runtime.entrypoint.DefaultClusterServices) services).getResourceManager();
    }

    public String getRestUrl() {
        return services.getRestUrl();
    }

    public ClusterSecret getSecret() {
        return secret;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    /** TaskExecutors currently running (released or killed ones are gone). */
    public List<TaskExecutor> getTaskExecutors() {
        return driver.getTaskExecutors();
    }

    /** Makes a TaskExecutor stop answering abruptly; only heartbeat timeouts will notice. */
    public void killTaskExecutor(ResourceID id) {
        driver.killSilently(id);
    }

    @Override
    public void close() throws Exception {
        if (services != null) {
            services.close();
        }
    }
}
