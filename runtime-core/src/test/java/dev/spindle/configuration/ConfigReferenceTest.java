package dev.spindle.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void discoversEveryOptionsClassOfThePackage() {
        List<Class<?>> classes = ConfigOptionsDiscovery.discoverOptionClasses(getClass().getClassLoader());
        assertTrue(classes.contains(CoreOptions.class), classes.toString());
        assertTrue(classes.contains(JobManagerOptions.class), classes.toString());
        assertTrue(classes.contains(TaskManagerOptions.class), classes.toString());
        assertTrue(!classes.contains(ConfigOptions.class), "the builder is not an options class");
        List<ConfigOption<?>> options = ConfigOptionsDiscovery.discoverOptions(getClass().getClassLoader());
        assertTrue(options.contains(TaskManagerOptions.NETWORK_MEMORY_FRACTION));
        for (ConfigOption<?> option : options) {
            assertTrue(!option.description().isBlank(), option.key() + " has no description");
        }
    }

    @Test
    void rendersKeyTypeDefaultAndDescription() {
        String table = ConfigReference.render(List.of(TaskManagerOptions.TOTAL_PROCESS_MEMORY,
                JobManagerOptions.JVM_HEAP_MEMORY, CoreOptions.DEFAULT_PARALLELISM));
        assertTrue(table.startsWith("| Key | Type | Default | Description |\n|---|---|---|---|\n"), table);
        assertTrue(table.contains("| `taskmanager.memory.process.size` | memory size | `1g` | Total memory of a TaskExecutor"),
                table);
        assertTrue(table.contains("| `jobmanager.memory.heap.size` | memory size | (none) |"), table);
        assertTrue(table.contains("| `parallelism.default` | Integer | `1` |"), table);
    }

    @Test
    void replacesOnlyTheMarkedSection() {
        String readme = "# T\nintro\n" + ConfigReference.BEGIN_MARKER + "\nold\n" + ConfigReference.END_MARKER + "\nend\n";
        String updated = ConfigReference.replaceTable(readme, "new\n");
        assertEquals("# T\nintro\n" + ConfigReference.BEGIN_MARKER + "\nnew\n" + ConfigReference.END_MARKER + "\nend\n",
                updated);
        assertEquals("new\n", ConfigReference.currentTable(updated));
        assertThrows(IllegalArgumentException.class, () -> ConfigReference.replaceTable("no markers", "x"));
    }
}
