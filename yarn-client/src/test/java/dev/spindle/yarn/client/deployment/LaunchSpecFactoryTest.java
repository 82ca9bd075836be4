package dev.spindle.yarn.client.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.staging.StagingResult;
import dev.spindle.yarn.common.EntrypointMode;
import dev.spindle.yarn.common.LaunchSpec;
import dev.spindle.yarn.common.LaunchSpecFile;

class LaunchSpecFactoryTest {

    @Test
    void theSpecListsWhatWasStagedInOrderWithTheClasspathAndTheProgram() throws Exception {
        Map<String, LocalResource> resources = new LinkedHashMap<>();
        resources.put("lib/b.jar", resource("hdfs://nn/cache/b.jar", LocalResourceVisibility.PRIVATE));
        resources.put("lib/a.jar", resource("hdfs://nn/shared/a.jar", LocalResourceVisibility.PUBLIC));
        resources.put("usrlib/job.jar", resource("hdfs://nn/s/usrlib/job.jar", LocalResourceVisibility.APPLICATION));
        resources.put("job.graph", resource("hdfs://nn/s/job.graph", LocalResourceVisibility.APPLICATION));
        StagingResult staging = new StagingResult(resources, List.of("lib/b.jar", "lib/a.jar"), "usrlib/job.jar", List.of(), 0);
        Configuration conf = new Configuration().set(YarnConfigOptions.CLASSPATH_INCLUDE_USER_JAR,
                YarnConfigOptions.UserJarInclusion.LAST);
        YarnConfiguration yarnConf = new YarnConfiguration(new org.apache.hadoop.conf.Configuration(false));
        yarnConf.set(YarnConfiguration.YARN_APPLICATION_CLASSPATH, "$HADOOP_CONF_DIR,/opt/hadoop/*");

        LaunchSpec spec = LaunchSpecFactory.create(new DeploymentRequest(conf, DeploymentRequest.PER_JOB_MODE_ENTRYPOINT,
                "job", URI.create("file:/tmp/job.jar"), "a.Main", List.of("x y"), Map.of()), staging, "hdfs://nn/s", yarnConf);

        assertEquals(LaunchSpecFile.VERSION, spec.version());
        assertEquals(EntrypointMode.PER_JOB, spec.mode());
        assertEquals(resources, spec.yarnLocalResources());
        assertEquals(List.of("lib/b.jar", "lib/a.jar", "usrlib/job.jar", "job.graph"),
                spec.localResources().stream().map(r -> r.link()).toList(), "the client's order");
        assertEquals(List.of("{{PWD}}/conf", "{{PWD}}/lib/a.jar", "{{PWD}}/lib/b.jar", "{{PWD}}/usrlib/job.jar",
                "$HADOOP_CONF_DIR", "/opt/hadoop/*"), spec.classpath());
        assertEquals("job.graph", spec.jobGraph());
        assertEquals("usrlib/job.jar", spec.userJar());
        assertEquals("a.Main", spec.mainClass());
        assertEquals(List.of("x y"), spec.programArgs());
        assertEquals("LAST", spec.configuration().get(YarnConfigOptions.CLASSPATH_INCLUDE_USER_JAR.key()));
        assertFalse(spec.environment().containsKey("JAVA_HOME"), "the NodeManager's JAVA_HOME unless asked otherwise");
        assertEquals(spec, LaunchSpecFile.fromBytes(LaunchSpecFile.toBytes(spec)));
    }

    @Test
    void aSessionNamesNoProgramAndMayShipTheClientsJavaHome() throws Exception {
        Configuration conf = new Configuration().set(YarnConfigOptions.CONTAINER_JAVA_HOME_FROM_CLIENT, true);
        StagingResult staging = new StagingResult(Map.of(), List.of(), null, List.of(), 0);
        LaunchSpec spec = LaunchSpecFactory.create(new DeploymentRequest(conf, DeploymentRequest.SESSION_MODE_ENTRYPOINT,
                "session", null, null, List.of(), Map.of()), staging, "hdfs://nn/s", new YarnConfiguration(new org.apache.hadoop.conf.Configuration(false)));
        assertEquals(EntrypointMode.SESSION, spec.mode());
        assertNull(spec.userJar());
        assertNull(spec.jobGraph());
        assertEquals(System.getProperty("java.home"), spec.environment().get("JAVA_HOME"));
        assertThrows(IllegalArgumentException.class, () -> LaunchSpecFactory.create(new DeploymentRequest(conf,
                "some.other.Main", "x", null, null, List.of(), Map.of()), staging, "hdfs://nn/s", new YarnConfiguration(new org.apache.hadoop.conf.Configuration(false))));
    }

    private static LocalResource resource(String uri, LocalResourceVisibility visibility) {
        return LocalResource.newInstance(URL.fromPath(new org.apache.hadoop.fs.Path(uri)), LocalResourceType.FILE, visibility, 10, 20);
    }
}
