package dev.spindle.yarn.am.driver;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.security.AMRMTokenIdentifier;

import dev.spindle.configuration.memory.ProcessMemorySpec;
import dev.spindle.runtime.resourcemanager.WorkerResourceSpec;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.common.ContainerCommand;
import dev.spindle.yarn.common.ContainerEnvironment;
import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.ContainerSecrets;
import dev.spindle.yarn.common.LaunchSpec;
import dev.spindle.yarn.common.security.KerberosJvmArgs;

/**
 * Launch contexts of TaskExecutor containers: the AM's own localized files (no re-upload), the
 * AM's classpath, JVM flags from the TaskExecutor memory model, and credentials holding the
 * cluster secret and the AM's delegation tokens but never its AMRMToken.
 */
public final class TaskExecutorContainerFactory {

    public static final String RUNNER_CLASS = "dev.spindle.yarn.te.YarnTaskExecutorRunner";

    private final Map<String, LocalResource> resources;
    private final Map<String, String> environment;
    private final Function<WorkerResourceSpec, ProcessMemorySpec> memorySpecs;
    private final ClusterSecret secret;
    private final Supplier<Credentials> amCredentials;
    private final List<String> extraJvmArgs;

    /**
     * @param resources the AM's local resources, reused as they are
     * @param environment CLASSPATH and the other variables TaskExecutors need
     * @param memorySpecs the memory split of a TaskExecutor of a given spec
     * @param amCredentials the AM's credentials; their tokens except the AMRMToken are passed on
     */
    public TaskExecutorContainerFactory(Map<String, LocalResource> resources, Map<String, String> environment,
            Function<WorkerResourceSpec, ProcessMemorySpec> memorySpecs, ClusterSecret secret, Credentials amCredentials) {
        this(resources, environment, memorySpecs, secret, () -> amCredentials);
    }

    /**
     * @param amCredentials the AM's credentials as they are when a container is launched (renewed
     *     delegation tokens replace the client's over time)
     */
    public TaskExecutorContainerFactory(Map<String, LocalResource> resources, Map<String, String> environment,
            Function<WorkerResourceSpec, ProcessMemorySpec> memorySpecs, ClusterSecret secret, Supplier<Credentials> amCredentials) {
        this(resources, environment, memorySpecs, secret, amCredentials, List.of());
    }

    private TaskExecutorContainerFactory(Map<String, LocalResource> resources, Map<String, String> environment,
            Function<WorkerResourceSpec, ProcessMemorySpec> memorySpecs, ClusterSecret secret, Supplier<Credentials> amCredentials,
            List<String> extraJvmArgs) {
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
        this.resources = Map.copyOf(resources);
        this.environment = Map.copyOf(environment);
        this.memorySpecs = memorySpecs;
        this.secret = secret;
        this.amCredentials = amCredentials;
    }

    /**
     * TaskExecutors as the client's launch spec describes the application's containers: its files
     * plus the spec itself, its environment and classpath.
     *
     * @param specResource the spec file as a local resource
     */
    public static TaskExecutorContainerFactory fromLaunchSpec(LaunchSpec spec, LocalResource specResource,
            Function<WorkerResourceSpec, ProcessMemorySpec> memorySpecs, ClusterSecret secret, Credentials amCredentials) {
        return fromLaunchSpec(spec, specResource, memorySpecs, secret, () -> amCredentials);
    }

    /** {@link #fromLaunchSpec(LaunchSpec, LocalResource, Function, ClusterSecret, Credentials)} with the AM's credentials read at each launch. */
    public static TaskExecutorContainerFactory fromLaunchSpec(LaunchSpec spec, LocalResource specResource,
            Function<WorkerResourceSpec, ProcessMemorySpec> memorySpecs, ClusterSecret secret, Supplier<Credentials> amCredentials) {
        Map<String, LocalResource> resources = new LinkedHashMap<>(spec.yarnLocalResources());
        resources.put(ContainerLayout.LAUNCH_SPEC_FILE, specResource);
        // What the client decided for every container's JVM beyond memory (the shipped krb5.conf).
        List<String> extra = KerberosJvmArgs.with(List.of(), spec.toConfiguration());
        return new TaskExecutorContainerFactory(resources, ContainerEnvironment.of(spec), memorySpecs, secret, amCredentials, extra);
    }

    public ContainerLaunchContext create(WorkerResourceSpec spec, String rmHost, int rmPort) throws IOException {
        List<String> jvmArgs = new java.util.ArrayList<>(memorySpecs.apply(spec).jvmArgs());
        jvmArgs.addAll(extraJvmArgs);
        String command = ContainerCommand.build(jvmArgs, "taskmanager", RUNNER_CLASS,
                List.of(rmHost, Integer.toString(rmPort)));
        Credentials credentials = new Credentials();
        for (Token<?> token : amCredentials.get().getAllTokens()) {
            if (!AMRMTokenIdentifier.KIND_NAME.equals(token.getKind())) {
                credentials.addToken(token.getService().getLength() > 0 ? token.getService() : new Text(token.getKind()), token);
            }
        }
        ContainerSecrets.addTo(credentials, secret);
        return ContainerLaunchContext.newInstance(new HashMap<>(resources), new HashMap<>(environment), List.of(command),
                null, ContainerSecrets.serialize(credentials), null);
    }
}
