package dev.spindle.yarn.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunActionTest {

    private static RunAction run(String jar) {
        return new RunAction("run-application", null, null, null, false, null, false, jar, List.of(), List.of());
    }

    @Test
    void remoteJarUrisReachDeploymentsAsGiven() {
        assertTrue(run("hdfs://nn:8020/jars/app.jar").isRemoteJar());
        assertEquals("hdfs://nn:8020/jars/app.jar", run("hdfs://nn:8020/jars/app.jar").jarLocation());
        assertEquals("hdfs:///jars/app.jar", run("hdfs:///jars/app.jar").jarLocation());
    }

    @Test
    void localJarsReachDeploymentsAsPaths() {
        assertFalse(run("/home/u/app.jar").isRemoteJar());
        assertEquals("/home/u/app.jar", run("/home/u/app.jar").jarLocation());
        assertEquals("app.jar", run("app.jar").jarLocation());
        assertEquals(new File("/home/u/app.jar"), run("file:///home/u/app.jar").jarFile());
        assertEquals("/home/u/app.jar", run("file:///home/u/app.jar").jarLocation());
    }
}
