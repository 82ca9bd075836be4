package dev.spindle.yarn.client.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.yarn.client.api.DeploymentException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavepointRestorePathTest {

    @TempDir
    Path tmp;

    private static Configuration with(String path) {
        Configuration c = new Configuration();
        c.set(DeploymentOptions.SAVEPOINT_PATH, path);
        return c;
    }

    @Test
    void aMissingSavepointOrOneWithoutMetadataFailsNamingThePath() throws Exception {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        String missing = tmp.resolve("nope").toString();
        DeploymentException e = assertThrows(DeploymentException.class, () -> SavepointRestorePath.resolveInto(with(missing), hadoop));
        assertTrue(e.getMessage().contains(missing) && e.getMessage().contains("does not exist"), e.getMessage());
        Files.createDirectories(tmp.resolve("empty"));
        e = assertThrows(DeploymentException.class, () -> SavepointRestorePath.resolveInto(with(tmp.resolve("empty").toString()), hadoop));
        assertTrue(e.getMessage().contains("_metadata"), e.getMessage());
    }

    @Test
    void aPathWithoutSchemeIsQualifiedAgainstTheDefaultFileSystemAndAMetadataFileNamesItsDirectory() throws Exception {
        Path sp = Files.createDirectories(tmp.resolve("sp"));
        Files.writeString(sp.resolve("_metadata"), "{}");
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        hadoop.set("fs.defaultFS", "file:///");
        Configuration c = with(sp.resolve("_metadata").toString());
        SavepointRestorePath.resolveInto(c, hadoop);
        assertEquals("file:" + sp, c.get(DeploymentOptions.SAVEPOINT_PATH));
        Configuration none = new Configuration();
        SavepointRestorePath.resolveInto(none, hadoop);
        assertEquals(null, none.get(DeploymentOptions.SAVEPOINT_PATH));
    }
}
