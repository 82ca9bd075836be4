package dev.spindle.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationValidatorTest {

    private final ConfigurationValidator validator = ConfigurationValidator.forClasspath();

    @Test
    void validConfigurationPasses() {
        Configuration conf = Configuration.fromMap(java.util.Map.of("parallelism.default", "4",
                "taskmanager.memory.process.size", "2g"));
        ConfigurationValidator.Result result = validator.check(conf);
        assertTrue(result.isValid(), result.toString());
        assertEquals(List.of(), result.warnings());
        validator.validate(conf);
    }

    @Test
    void everyIllTypedValueIsReportedWithKeyAndValue() {
        Configuration conf = Configuration.fromMap(java.util.Map.of("parallelism.default", "four",
                "taskmanager.memory.process.size", "2 gallons", "taskmanager.numberOfTaskSlots", "2"));
        ConfigurationValidator.Result result = validator.check(conf);
        assertEquals(2, result.errors().size(), result.toString());
        String all = assertThrows(IllegalConfigurationException.class, () -> validator.validate(conf)).getMessage();
        assertTrue(all.contains("'parallelism.default'") && all.contains("'four'"), all);
        assertTrue(all.contains("'taskmanager.memory.process.size'") && all.contains("'2 gallons'"), all);
    }

    @Test
    void valuesOutsideTheirRangeAreRefusedNamingKeyValueAndRange() {
        Configuration conf = Configuration.fromMap(java.util.Map.of("taskmanager.numberOfTaskSlots", "-1",
                "heartbeat.interval", "0 ms", "taskmanager.memory.managed.fraction", "1.5", "rest.port", "70000",
                "parallelism.default", "2"));
        ConfigurationValidator.Result result = validator.check(conf);
        assertEquals(4, result.errors().size(), result.toString());
        String all = String.join("\n", result.errors());
        assertTrue(all.contains("Invalid value '-1' for configuration key 'taskmanager.numberOfTaskSlots': it must be at least 1."), all);
        assertTrue(all.contains("'heartbeat.interval'") && all.contains("at least 1ms"), all);
        assertTrue(all.contains("'taskmanager.memory.managed.fraction'") && all.contains("from 0.0 to 1.0"), all);
        assertTrue(all.contains("'rest.port'") && all.contains("from 0 to 65535"), all);
        assertThrows(IllegalConfigurationException.class, () -> validator.validate(conf));
    }

    @Test
    void everyNumericOrDurationOptionWithADefaultHasItInsideItsRange() {
        // checkedBy refuses a default outside the range when the options class loads; this makes
        // sure every options class is loaded and that the counted options do carry a range.
        long ranged = ConfigOptionsDiscovery.discoverOptions(getClass().getClassLoader()).stream()
                .filter(o -> o.range().isPresent()).count();
        assertTrue(ranged >= 50, "options with a range: " + ranged);
    }

    @Test
    void aDeclarationWhoseDefaultIsOutsideItsRangeFails() {
        assertThrows(IllegalConfigurationException.class,
                () -> ConfigOptions.key("test.slots").intType().defaultValue(0).checkedBy(Range.atLeast(1)));
        ConfigOption<Integer> ok = ConfigOptions.key("test.slots").intType().defaultValue(1).checkedBy(Range.between(1, 8));
        ok.checkValue(8);
        String message = assertThrows(IllegalConfigurationException.class, () -> ok.checkValue(9)).getMessage();
        assertEquals("Invalid value '9' for configuration key 'test.slots': it must be from 1 to 8.", message);
        assertEquals("from 1 to 8", ok.withDescription("d").range().orElseThrow().describe(), "builder steps keep the range");
    }

    @Test
    void unknownKeysAreWarningsWithTypoHints() {
        Configuration conf = Configuration.fromMap(java.util.Map.of("paralelism.default", "4", "my.app.key", "x"));
        ConfigurationValidator.Result result = validator.check(conf);
        assertTrue(result.isValid());
        assertEquals(2, result.warnings().size());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("did you mean 'parallelism.default'")),
                result.toString());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("'my.app.key'") && w.contains("user code")),
                result.toString());
    }
}
