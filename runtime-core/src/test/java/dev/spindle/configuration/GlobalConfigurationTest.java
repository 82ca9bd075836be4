package dev.spindle.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalConfigurationTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve(GlobalConfiguration.CONFIG_FILE), yaml);
    }

    @Test
    void flatNestedAndListKeys() throws IOException {
        write("""
                # comment
                parallelism.default: 3
                taskmanager.memory.process.size: 1.5g
                jobmanager:
                  memory:
                    process.size: 2048m
                yarn.ship-files:
                  - /a/b.txt
                  - /c
                quoted: "a: b"
                flag: true
                """);
        Configuration conf = GlobalConfiguration.loadConfiguration(dir);
        assertEquals(3, conf.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals(MemorySize.parse("1536m"), conf.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY));
        assertEquals(MemorySize.parse("2g"), conf.get(JobManagerOptions.TOTAL_PROCESS_MEMORY));
        assertEquals("/a/b.txt;/c", conf.getString("yarn.ship-files"));
        assertEquals("a: b", conf.getString("quoted"));
        assertEquals("true", conf.getString("flag"));
    }

    @Test
    void scalarsKeepTheirTextAsWritten() throws IOException {
        write("a.fraction: 0.10\nb.size: 1024\n");
        Configuration conf = GlobalConfiguration.loadConfiguration(dir);
        assertEquals("0.10", conf.getString("a.fraction"));
        assertEquals("1024", conf.getString("b.size"));
    }

    @Test
    void overridesWinOverFile() throws IOException {
        write("parallelism.default: 3\nother: kept\n");
        Configuration conf = GlobalConfiguration.loadConfiguration(dir,
                DynamicProperties.parse(List.of("parallelism.default=8")));
        assertEquals(8, conf.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals("kept", conf.getString("other"));
    }

    @Test
    void emptyFileAndMissingFileGiveDefaults() throws IOException {
        assertEquals(Map.of(), GlobalConfiguration.loadConfiguration(dir).toMap());
        write("# only comments\n");
        assertEquals(Map.of(), GlobalConfiguration.loadConfiguration(dir).toMap());
    }

    @Test
    void missingDirectoryFailsNamingIt() {
        Path missing = dir.resolve("nope");
        String m = assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.loadConfiguration(missing)).getMessage();
        assertTrue(m.contains(missing.toString()) && m.contains("SPINDLE_CONF_DIR"), m);
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        Path file = write("a: 1\nb: [unclosed\nc: 3\n");
        String m = assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.loadConfiguration(dir)).getMessage();
        assertTrue(m.contains(file.toString()), m);
        assertTrue(m.matches("(?s).*spindle-conf\\.yaml:\\d+:\\d+.*"), m);
    }

    @Test
    void tabIndentationIsReportedWithLine() throws IOException {
        write("a:\n\tb: 1\n");
        String m = assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.loadConfiguration(dir)).getMessage();
        assertTrue(m.contains("spindle-conf.yaml:2:"), m);
    }

    @Test
    void topLevelMustBeAMap() throws IOException {
        write("- a\n- b\n");
        String m = assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.loadConfiguration(dir)).getMessage();
        assertTrue(m.contains("spindle-conf.yaml:1:") && m.contains("map of keys"), m);
    }

    @Test
    void duplicateKeyViaNestingNamesKeyAndLine() throws IOException {
        write("a.b: 1\na:\n  b: 2\n");
        String m = assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.loadConfiguration(dir)).getMessage();
        assertTrue(m.contains("key 'a.b'") && m.contains("spindle-conf.yaml:3:"), m);
    }

    @Test
    void mapInsideListIsRejected() throws IOException {
        write("l:\n  - x: 1\n");
        String m = assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.loadConfiguration(dir)).getMessage();
        assertTrue(m.contains("key 'l'") && m.contains(":2:"), m);
    }

    @Test
    void nullValuesAreIgnored() throws IOException {
        write("a:\nb: 2\n");
        assertEquals(Map.of("b", "2"), GlobalConfiguration.loadConfiguration(dir).toMap());
    }

    @Test
    void confDirFromArgumentThenEnvironment() {
        Path explicit = Path.of("/x");
        assertEquals(Optional.of(explicit), GlobalConfiguration.findConfDir(explicit, Map.of("SPINDLE_CONF_DIR", "/y")));
        assertEquals(Optional.of(Path.of("/y")), GlobalConfiguration.findConfDir(null, Map.of("SPINDLE_CONF_DIR", "/y")));
        assertEquals(Optional.empty(), GlobalConfiguration.findConfDir(null, Map.of()));
    }
}
