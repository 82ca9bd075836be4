package dev.spindle.yarn.client.preflight;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;

class ShipFileNameCheckTest {

    @TempDir
    Path tmp;

    private static PreflightException refused(Configuration conf) {
        return assertThrows(PreflightException.class, () -> PreflightChecks.run(PreflightChecks.LOCAL,
                new PreflightContext(conf, null, null, null, null, null, null)));
    }

    @Test
    void aShipFileNamedLikeAGeneratedFileIsRefusedNamingBoth() throws Exception {
        Path graph = Files.writeString(tmp.resolve("job.graph"), "not a job graph");
        Configuration conf = new Configuration();
        conf.set(YarnConfigOptions.SHIP_FILES, List.of(graph.toString()));

        PreflightException e = refused(conf);
        assertTrue(e.getMessage().contains("yarn.ship-files entry " + graph), e.getMessage());
        assertTrue(e.getMessage().contains("collides with the job graph Spindle generates ('job.graph')"), e.getMessage());
    }

    @Test
    void aShippedDirNamedLibOrConfIsRefused() throws Exception {
        for (String name : List.of("lib", "conf", "usrlib")) {
            Path dir = Files.createDirectories(tmp.resolve("x").resolve(name));
            Configuration conf = new Configuration();
            conf.set(YarnConfigOptions.SHIP_FILES, List.of(dir.toString()));
            PreflightException e = refused(conf);
            assertTrue(e.getMessage().contains("as '" + name + "', which collides with Spindle's"), e.getMessage());
        }
        Path archive = Files.writeString(tmp.resolve("launch-spec.json"), "{}");
        Configuration conf = new Configuration();
        conf.set(YarnConfigOptions.SHIP_ARCHIVES, List.of(archive.toString()));
        assertTrue(refused(conf).getMessage().contains("yarn.ship-archives entry " + archive), "archives too");
    }

    @Test
    void twoShippedFilesWithOneNameAreRefusedNamingBoth() throws Exception {
        Path a = Files.writeString(Files.createDirectories(tmp.resolve("a")).resolve("lookup.csv"), "a");
        Path b = Files.writeString(Files.createDirectories(tmp.resolve("b")).resolve("lookup.csv"), "b");
        Configuration conf = new Configuration();
        conf.set(YarnConfigOptions.SHIP_FILES, List.of(a.toString()));
        conf.set(YarnConfigOptions.SHIP_ARCHIVES, List.of(b.toString()));

        PreflightException e = refused(conf);
        assertTrue(e.getMessage().contains("yarn.ship-archives entry " + b + " and yarn.ship-files entry " + a
                + " would both be shipped as 'lookup.csv'"), e.getMessage());
    }

    @Test
    void distinctNamesPass() throws Exception {
        Path a = Files.writeString(tmp.resolve("lookup.csv"), "a");
        Path b = Files.createDirectories(tmp.resolve("dictionaries"));
        Configuration conf = new Configuration();
        conf.set(YarnConfigOptions.SHIP_FILES, List.of(a.toString(), b.toString()));
        assertDoesNotThrow(() -> new ShipFileNameCheck().check(new PreflightContext(conf, null, null, null, null, null, null)));
    }
}
