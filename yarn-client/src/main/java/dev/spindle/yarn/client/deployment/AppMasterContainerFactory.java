package dev.spindle.yarn.client.deployment;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.client.util.YarnClientUtils;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.memory.ProcessMemorySpec;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.common.ContainerCommand;
import dev.spindle.yarn.common.ContainerEnvironment;
import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.ContainerSecrets;
import dev.spindle.yarn.common.LaunchSpec;

/**
 * Builds the ApplicationMaster's ContainerLaunchContext from the launch spec: the spec's files plus
 * the spec itself, its environment and classpath, the mode's main class with the JobManager's
 * memory flags, and credentials with the secret (and delegation tokens under Kerberos).
 */
public final class AppMasterContainerFactory {

    private AppMasterContainerFactory() {
    }

    /** @param specResource the launch spec as written into the staging dir */
    public static ContainerLaunchContext create(LaunchSpec spec, LocalResource specResource, ProcessMemorySpec memory,
            ClusterSecret secret, YarnConfiguration yarnConf, FileSystem fs) throws IOException {
        String command = ContainerCommand.build(memory.jvmArgs(), "jobmanager", spec.mode().mainClass(), List.of());
        Map<String, LocalResource> resources = new LinkedHashMap<>(spec.yarnLocalResources());
        resources.put(ContainerLayout.LAUNCH_SPEC_FILE, specResource);

        Credentials credentials = new Credentials();
        ContainerSecrets.addTo(credentials, secret);
        if (UserGroupInformation.isSecurityEnabled()) {
            // Kerberos: the AM and its TaskExecutors reach HDFS through delegation tokens renewed by the RM.
            fs.addDelegationTokens(YarnClientUtils.getRmPrincipal(yarnConf), credentials);
        }
        return ContainerLaunchContext.newInstance(resources, ContainerEnvironment.of(spec), List.of(command), null,
                ContainerSecrets.serialize(credentials), null);
    }
}
