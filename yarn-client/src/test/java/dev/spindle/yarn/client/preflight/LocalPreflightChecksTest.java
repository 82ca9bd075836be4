package dev.spindle.yarn.client.preflight;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.hadoop.yarn.api.records.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.cli.testprogram.RecordingProgram;

/** The checks that need no cluster: user jar, entry class, ship files, container sizes against a given maximum. */
class LocalPreflightChecksTest {

    @TempDir
    Path tmp;

    @Test
    void jarWithTheEntryClassPasses() throws Exception {
        Path jar = jar(tmp.resolve("ok.jar"), null);
        assertDoesNotThrow(() -> check(new UserJarCheck(), jar, RecordingProgram.class.getName()));
    }

    @Test
    void manifestMainClassIsUsedWithoutDashC() throws Exception {
        Path jar = jar(tmp.resolve("manifest.jar"), RecordingProgram.class.getName());
        assertDoesNotThrow(() -> check(new UserJarCheck(), jar, null));
    }

    @Test
    void missingEntryClassNamesTheClassAndTheJar() throws Exception {
        Path jar = jar(tmp.resolve("ok.jar"), null);
        PreflightException e = assertThrows(PreflightException.class, () -> check(new UserJarCheck(), jar, "a.b.Missing"));
        assertTrue(e.getMessage().startsWith("The entry class a.b.Missing is not in the user jar " + jar), e.getMessage());
    }

    @Test
    void noManifestMainClassAsksForDashC() throws Exception {
        Path jar = jar(tmp.resolve("plain.jar"), null);
        PreflightException e = assertThrows(PreflightException.class, () -> check(new UserJarCheck(), jar, null));
        assertTrue(e.getMessage().contains("Pass -c <fully.qualified.MainClass>"), e.getMessage());
    }

    @Test
    void missingShipFileNamesTheKey() {
        Configuration conf = new Configuration();
        conf.set(YarnConfigOptions.SHIP_FILES, List.of(tmp.resolve("nope").toString()));
        PreflightException e = assertThrows(PreflightException.class,
                () -> new ShipFilesCheck().check(new PreflightContext(conf, null, null, null, null, null, null)));
        assertTrue(e.getMessage().startsWith("yarn.ship-files names " + tmp.resolve("nope") + ", which does not exist"),
                e.getMessage());
    }

    @Test
    void missingLogConfigFileNamesTheKeyAndTheFile() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("log4j.configurationFile", tmp.resolve("nope.properties").toString());
        PreflightException e = assertThrows(PreflightException.class,
                () -> new LogConfigFileCheck().check(new PreflightContext(conf, null, null, null, null, null, null)));
        assertTrue(e.getMessage().startsWith("yarn.log-config-file (or log4j.configurationFile) names "
                + tmp.resolve("nope.properties") + ", which is not a readable file"), e.getMessage());

        Path present = Files.writeString(tmp.resolve("log.properties"), "status = warn\n");
        conf.setString("log4j.configurationFile", present.toString());
        assertDoesNotThrow(() -> new LogConfigFileCheck().check(new PreflightContext(conf, null, null, null, null, null, null)));
    }

    @Test
    void taskExecutorVcoresDefaultToOnePerSlot() {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.numberOfTaskSlots", "6");
        PreflightException e = assertThrows(PreflightException.class, () -> new ContainerSizeCheck().check(
                new PreflightContext(conf, null, null, null, null, null, Resource.newInstance(8192, 4))));
        assertTrue(e.getMessage().startsWith("yarn.containers.vcores asks for 6 vcores but the cluster's largest container"
                + " is 4 vcores (yarn.scheduler.maximum-allocation-vcores)"), e.getMessage());
    }

    private static void check(PreflightCheck check, Path jar, String mainClass) throws PreflightException {
        check.check(new PreflightContext(new Configuration(), jar.toUri(), mainClass, null, null, null, null));
    }

    private static Path jar(Path jar, String manifestMain) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (manifestMain != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, manifestMain);
        }
        String entry = RecordingProgram.class.getName().replace('.', '/') + ".class";
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest);
                var in = RecordingProgram.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
