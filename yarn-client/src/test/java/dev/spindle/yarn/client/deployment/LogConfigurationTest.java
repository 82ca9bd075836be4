package dev.spindle.yarn.client.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;

/** Which log4j2 config goes to the cluster processes. */
class LogConfigurationTest {

    @TempDir
    Path tmp;

    @Test
    void theNamedFileIsShippedInsteadOfConf() throws Exception {
        Path mine = Files.writeString(tmp.resolve("mine.properties"), "rootLogger.level = debug\n");
        Configuration conf = new Configuration().set(YarnConfigOptions.LOG_CONFIG_FILE, mine.toString());
        assertEquals("rootLogger.level = debug\n", LogConfiguration.resolve(conf));
    }

    @Test
    void log4jConfigurationFileFromTheCommandLineIsAcceptedAsFallbackKeyAndAsFileUri() throws Exception {
        Path mine = Files.writeString(tmp.resolve("cli.properties"), "rootLogger.level = trace\n");
        Configuration conf = new Configuration();
        conf.setString("log4j.configurationFile", mine.toUri().toString());
        assertEquals(Optional.of(mine), LogConfiguration.chosenFile(conf));
        assertEquals("rootLogger.level = trace\n", LogConfiguration.resolve(conf));
    }

    @Test
    void theOwnKeyWinsOverTheFallback() throws Exception {
        Path own = Files.writeString(tmp.resolve("own.properties"), "own\n");
        Configuration conf = new Configuration();
        conf.setString("log4j.configurationFile", tmp.resolve("other.properties").toString());
        conf.set(YarnConfigOptions.LOG_CONFIG_FILE, own.toString());
        assertEquals("own\n", LogConfiguration.resolve(conf));
    }

    @Test
    void withoutTheOptionTheConfDirOrTheDefaultIsShipped() throws Exception {
        Configuration conf = new Configuration();
        assertEquals(Optional.empty(), LogConfiguration.chosenFile(conf));
        assertEquals(LogConfiguration.resolve(), LogConfiguration.resolve(conf));
        String previous = System.getProperty(LogConfiguration.CONF_DIR_PROPERTY);
        System.setProperty(LogConfiguration.CONF_DIR_PROPERTY, tmp.toString());
        try {
            assertTrue(LogConfiguration.resolve(conf).startsWith("# Written by the Spindle client"), "no conf file: default");
            Files.writeString(tmp.resolve("log4j2.properties"), "from conf\n");
            assertEquals("from conf\n", LogConfiguration.resolve(conf));
        } finally {
            if (previous == null) {
                System.clearProperty(LogConfiguration.CONF_DIR_PROPERTY);
            } else {
                System.setProperty(LogConfiguration.CONF_DIR_PROPERTY, previous);
            }
        }
    }
}
