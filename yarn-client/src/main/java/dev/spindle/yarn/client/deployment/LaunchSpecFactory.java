package dev.spindle.yarn.client.deployment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.common.ContainerClasspath;
import dev.spindle.yarn.common.ContainerEnvironment;
import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.EntrypointMode;
import dev.spindle.yarn.common.LaunchSpec;
import dev.spindle.yarn.common.LaunchSpecFile;
import dev.spindle.yarn.common.LocalizedResource;
import dev.spindle.yarn.client.staging.StagingResult;

/**
 * The launch spec of a deployment: what was staged, the classpath order, the environment and the
 * program, decided here once for the AM and, through the AM, for every TaskExecutor.
 */
public final class LaunchSpecFactory {

    private LaunchSpecFactory() {
    }

    public static LaunchSpec create(DeploymentRequest request, StagingResult staging, String stagingDir,
            YarnConfiguration yarnConf) throws IOException {
        Configuration conf = request.configuration();
        List<LocalizedResource> resources = new ArrayList<>();
        for (Map.Entry<String, LocalResource> e : staging.resources().entrySet()) {
            resources.add(LocalizedResource.of(e.getKey(), e.getValue()));
        }
        String jobGraph = staging.resources().containsKey(ContainerLayout.JOB_GRAPH_FILE) ? ContainerLayout.JOB_GRAPH_FILE : null;
        return new LaunchSpec(LaunchSpecFile.VERSION, EntrypointMode.ofMainClass(request.entrypointClass()), stagingDir,
                conf.toMap(), resources, classpath(conf, staging, yarnConf), environment(conf), staging.userJarLink(),
                request.mainClass(), request.programArgs(), jobGraph);
    }

    static List<String> classpath(Configuration conf, StagingResult staging, YarnConfiguration yarnConf) {
        List<String> cluster = Arrays.asList(yarnConf.getTrimmedStrings(YarnConfiguration.YARN_APPLICATION_CLASSPATH,
                YarnConfiguration.DEFAULT_YARN_CROSS_PLATFORM_APPLICATION_CLASSPATH));
        return ContainerClasspath.entries(staging.frameworkJarLinks(), staging.userJarLink(),
                conf.get(YarnConfigOptions.CLASSPATH_INCLUDE_USER_JAR), cluster);
    }

    private static Map<String, String> environment(Configuration conf) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put(ContainerEnvironment.HADOOP_USER_NAME, UserGroupInformation.getCurrentUser().getShortUserName());
        if (conf.get(YarnConfigOptions.CONTAINER_JAVA_HOME_FROM_CLIENT)) {
            env.put(ContainerEnvironment.JAVA_HOME, System.getProperty("java.home"));
        }
        return env;
    }
}
