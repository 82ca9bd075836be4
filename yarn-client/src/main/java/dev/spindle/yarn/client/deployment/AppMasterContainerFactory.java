package dev.spindle.yarn.client.deployment;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;

import dev.spindle.configuration.memory.ProcessMemorySpec;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.common.ContainerCommand;
import dev.spindle.yarn.common.ContainerEnvironment;
import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.ContainerSecrets;
import dev.spindle.yarn.common.LaunchSpec;
import dev.spindle.yarn.common.security.KerberosJvmArgs;

/**
 * Builds the ApplicationMaster's ContainerLaunchContext from the launch spec: the spec's files plus
 * the spec itself, its environment and classpath, the mode's main class with the JobManager's
 * memory flags, and credentials with the secret (and delegation tokens under Kerberos).
 */
public final class AppMasterContainerFactory {

    private AppMasterContainerFactory() {
    }

    /**
     * @param specResource the launch spec as written into the staging dir
     * @param delegationTokens tokens for the AM (empty without Kerberos)
     */
    public static ContainerLaunchContext create(LaunchSpec spec, LocalResource specResource, ProcessMemorySpec memory,
            ClusterSecret secret, Credentials delegationTokens) throws IOException {
        String command = ContainerCommand.build(KerberosJvmArgs.with(memory.jvmArgs(), spec.toConfiguration()), "jobmanager",
                spec.mode().mainClass(), List.of());
        Map<String, LocalResource> resources = new LinkedHashMap<>(spec.yarnLocalResources());
        resources.put(ContainerLayout.LAUNCH_SPEC_FILE, specResource);

        Credentials credentials = new Credentials(delegationTokens);
        ContainerSecrets.addTo(credentials, secret);
        return ContainerLaunchContext.newInstance(resources, ContainerEnvironment.of(spec), List.of(command), null,
                ContainerSecrets.serialize(credentials), null);
    }
}
