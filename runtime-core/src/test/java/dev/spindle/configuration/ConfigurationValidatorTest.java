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
