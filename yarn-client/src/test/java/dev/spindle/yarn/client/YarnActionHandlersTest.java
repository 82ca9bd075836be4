package dev.spindle.yarn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;

import org.junit.jupiter.api.Test;

class YarnActionHandlersTest {

    @Test
    void remoteJarUrisSurviveTheCliFileArgument() {
        assertEquals("hdfs://nn:8020/jars/app.jar", YarnActionHandlers.userJar(new File("hdfs://nn:8020/jars/app.jar").getPath()));
        assertEquals("hdfs:/jars/app.jar", YarnActionHandlers.userJar(new File("hdfs:///jars/app.jar").getPath()));
        assertEquals("/home/u/app.jar", YarnActionHandlers.userJar(new File("/home/u/app.jar").getPath()));
        assertEquals("app.jar", YarnActionHandlers.userJar(new File("app.jar").getPath()));
    }
}
