package dev.spindle.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One slf4j binding on the widest classpath of the build, and the cluster log config writes where it is told. */
class LoggingSetupTest {

    @Test
    void exactlyOneSlf4jBinding() throws IOException {
        List<URL> bindings = Collections.list(getClass().getClassLoader().getResources("org/slf4j/impl/StaticLoggerBinder.class"));
        assertEquals(1, bindings.size(), "slf4j bindings: " + bindings);
        assertTrue(bindings.get(0).toString().contains("log4j-slf4j-impl"), bindings.toString());
        assertEquals("org.apache.logging.slf4j.Log4jLoggerFactory",
                org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
    }

    @Test
    void clusterLogConfigWritesToLogFileProperty(@TempDir Path dir) throws IOException {
        Path logFile = dir.resolve("jobmanager.log");
        Path config = Path.of(System.getProperty("spindle.conf.dir", "../conf"), "log4j2.properties");
        System.setProperty("log.file", logFile.toString());
        LoggerContext context = Configurator.initialize("cluster-log-test", null, config.toUri());
        try {
            context.getLogger("dev.spindle.Test").info("container container_1_0001_01_000001 started");
            context.getLogger("org.apache.hadoop.ipc.Client").info("ipc chatter");
        } finally {
            Configurator.shutdown(context);
            System.clearProperty("log.file");
        }
        String written = Files.readString(logFile);
        assertTrue(written.contains("INFO  [main] dev.spindle.Test - container container_1_0001_01_000001 started"), written);
        assertTrue(!written.contains("ipc chatter"), "Hadoop IPC is kept at WARN: " + written);
    }

    @Test
    void cliLogConfigExists() {
        assertTrue(Files.isRegularFile(Path.of(System.getProperty("spindle.conf.dir", "../conf"), "log4j2-cli.properties")));
    }
}
