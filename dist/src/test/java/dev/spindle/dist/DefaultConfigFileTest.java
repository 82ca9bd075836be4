package dev.spindle.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.ConfigOption;
import dev.spindle.configuration.ConfigOptionsDiscovery;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.ConfigurationValidator;
import dev.spindle.configuration.GlobalConfiguration;
import dev.spindle.configuration.memory.JobManagerProcessSpec;
import dev.spindle.configuration.memory.TaskExecutorProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conf/spindle-conf.yaml as shipped: loads, and its commented examples are real keys with valid values. */
class DefaultConfigFileTest {

    private final Path confDir = Path.of(System.getProperty("spindle.conf.dir", "../conf"));

    @Test
    void shippedFileLoadsAndGivesAWorkingMemorySetup() {
        Configuration conf = GlobalConfiguration.loadConfiguration(confDir);
        assertEquals(Map.of(), conf.toMap(), "all settings in the shipped file are commented defaults");
        JobManagerProcessSpec.fromConfiguration(conf);
        TaskExecutorProcessSpec.fromConfiguration(conf);
    }

    @Test
    void commentedExamplesAreKnownKeysWithValidValues(@TempDir Path tmp) throws IOException {
        List<String> examples = Files.readAllLines(confDir.resolve(GlobalConfiguration.CONFIG_FILE)).stream()
                .filter(line -> line.matches("# [a-z][\\w.-]*: .*"))
                .map(line -> line.substring(2))
                .collect(Collectors.toList());
        assertTrue(examples.size() > 20, "expected the commented defaults, found " + examples);
        Path file = Files.write(tmp.resolve(GlobalConfiguration.CONFIG_FILE), examples);
        Configuration conf = GlobalConfiguration.loadYaml(file);
        ConfigurationValidator.Result result = ConfigurationValidator.forClasspath().check(conf);
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), result.warnings());
        List<ConfigOption<?>> known = ConfigOptionsDiscovery.discoverOptions(getClass().getClassLoader());
        assertTrue(known.stream().anyMatch(o -> o.key().equals("jobmanager.memory.process.size")));
    }
}
