package dev.spindle.yarn.client.deployment;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.client.util.YarnClientUtils;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.configuration.memory.ProcessMemorySpec;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.client.container.ContainerClasspath;
import dev.spindle.yarn.client.container.ContainerCommand;
import dev.spindle.yarn.client.container.ContainerEnvironment;
import dev.spindle.yarn.client.container.ContainerSecrets;
import dev.spindle.yarn.client.container.ProgramArguments;
import dev.spindle.yarn.client.staging.StagingResult;

/** Builds the ApplicationMaster's ContainerLaunchContext: command, environment, classpath, files, credentials. */
public final class AppMasterContainerFactory {

    private AppMasterContainerFactory() {
    }

    public static ContainerLaunchContext create(DeploymentRequest request, StagingResult staging, String stagingDir,
            ProcessMemorySpec memory, ClusterSecret secret, YarnConfiguration yarnConf, FileSystem fs) throws IOException {
        Configuration conf = request.configuration();
        String command = ContainerCommand.build(memory.jvmArgs(), "jobmanager", request.entrypointClass(), List.of());

        Map<String, String> env = new HashMap<>();
        env.put("CLASSPATH", classpath(conf, staging, yarnConf));
        env.put(ContainerEnvironment.STAGING_DIR, stagingDir);
        if (staging.userJarLink() != null) {
            env.put(ContainerEnvironment.USER_JAR, staging.userJarLink());
        }
        if (request.mainClass() != null) {
            env.put(ContainerEnvironment.MAIN_CLASS, request.mainClass());
        }
        env.put(ContainerEnvironment.PROGRAM_ARGS, ProgramArguments.encode(request.programArgs()));
        // With simple auth the container would act as the NodeManager's user; keep the submitter's.
        env.put("HADOOP_USER_NAME", UserGroupInformation.getCurrentUser().getShortUserName());
        if (conf.get(YarnConfigOptions.SHIP_JAVA_HOME)) {
            env.put("JAVA_HOME", System.getProperty("java.home"));
        }

        Credentials credentials = new Credentials();
        ContainerSecrets.addTo(credentials, secret);
        if (UserGroupInformation.isSecurityEnabled()) {
            // Kerberos: the AM and its TaskExecutors reach HDFS through delegation tokens renewed by the RM.
            fs.addDelegationTokens(YarnClientUtils.getRmPrincipal(yarnConf), credentials);
        }
        return ContainerLaunchContext.newInstance(staging.resources(), env, List.of(command), null,
                ContainerSecrets.serialize(credentials), null);
    }

    static String classpath(Configuration conf, StagingResult staging, YarnConfiguration yarnConf) {
        List<String> cluster = Arrays.asList(yarnConf.getTrimmedStrings(YarnConfiguration.YARN_APPLICATION_CLASSPATH,
                YarnConfiguration.DEFAULT_YARN_CROSS_PLATFORM_APPLICATION_CLASSPATH));
        return ContainerClasspath.build(staging.frameworkJarLinks(), staging.userJarLink(),
                conf.get(YarnConfigOptions.CLASSPATH_INCLUDE_USER_JAR), cluster);
    }
}
