package dev.spindle.yarn.client.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.junit.jupiter.api.Test;

class ProgramJarTest {

    private static ProgramJar run(String jar) {
        return new ProgramJar(jar);
    }

    @Test
    void remoteJarUrisReachDeploymentsAsGiven() {
        assertTrue(run("hdfs://nn:8020/jars/app.jar").isRemote());
        assertEquals("hdfs://nn:8020/jars/app.jar", run("hdfs://nn:8020/jars/app.jar").location());
        assertEquals("hdfs:///jars/app.jar", run("hdfs:///jars/app.jar").location());
    }

    @Test
    void localJarsReachDeploymentsAsPaths() {
        assertFalse(run("/home/u/app.jar").isRemote());
        assertEquals("/home/u/app.jar", run("/home/u/app.jar").location());
        assertEquals("app.jar", run("app.jar").location());
        assertEquals(new File("/home/u/app.jar"), run("file:///home/u/app.jar").localFile());
        assertEquals("/home/u/app.jar", run("file:///home/u/app.jar").location());
    }
}
