package dev.spindle.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spindle.configuration.ConfigOption;
import dev.spindle.configuration.ConfigOptionsDiscovery;
import dev.spindle.configuration.ConfigReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference against the options of every module (this module's test
 * classpath holds them all).
 */
class ConfigReferenceUpToDateTest {

    private static final String REGENERATE = "tools/update-config-reference";

    private final List<Class<?>> optionClasses = ConfigOptionsDiscovery.discoverOptionClasses(getClass().getClassLoader());

    @Test
    void readmeTableMatchesTheOptions() throws IOException {
        Path readme = Path.of(System.getProperty("spindle.readme", "../README.md"));
        String current = ConfigReference.currentTable(Files.readString(readme));
        assertNotNull(current, readme + " lacks the configuration reference markers; restore them and run " + REGENERATE);
        String expected = ConfigReference.render(ConfigOptionsDiscovery.discoverOptions(getClass().getClassLoader()));
        if (!expected.equals(current)) {
            fail("The configuration reference in README.md is out of date. Regenerate it from the source tree root with:\n"
                    + "    " + REGENERATE + "\nand commit README.md.");
        }
    }

    @Test
    void everyOptionHasADescriptionAndAUniqueKey() {
        Map<String, String> owners = new HashMap<>();
        for (Class<?> holder : optionClasses) {
            for (ConfigOption<?> option : ConfigOptionsDiscovery.optionsOf(holder)) {
                assertTrue(!option.description().isBlank(),
                        holder.getSimpleName() + "." + option.key() + " needs a one-line description (withDescription)");
                String previous = owners.put(option.key(), holder.getSimpleName());
                if (previous != null && !previous.equals(holder.getSimpleName())) {
                    fail("Key '" + option.key() + "' is declared in both " + previous + " and " + holder.getSimpleName()
                            + "; keep one definition");
                }
            }
        }
        assertEquals(true, owners.containsKey("taskmanager.memory.process.size"));
    }
}
