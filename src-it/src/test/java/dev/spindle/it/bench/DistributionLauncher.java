package dev.spindle.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.spindle.it.yarn.YarnCli;

/**
 * The source tree's {@code bin/spindle} over the built distribution, for benchmarks whose CLI runs
 * should cost what a user's do: the launcher's JVM flags and class-data sharing archive, and the
 * distribution's jars shipped to the containers. Its archive and a copy of the distribution's
 * configuration (with the client's phase marks logged, for the timeline) live in the benchmark's
 * work dir.
 */
final class DistributionLauncher {

    private final Path launcher;
    private final Path shippedConf;
    private final Path work;

    private DistributionLauncher(Path launcher, Path shippedConf, Path work) {
        this.launcher = launcher;
        this.shippedConf = shippedConf;
        this.work = work;
    }

    /** The launcher when the distribution is built (run from the source tree's root, as tools/ do), else empty. */
    static Optional<DistributionLauncher> find(Path work) {
        try (Stream<Path> dists = Files.list(Path.of("dist", "target"))) {
            return dists.filter(d -> d.getFileName().toString().startsWith("spindle-") && Files.isDirectory(d.resolve("lib")))
                    .findFirst().map(d -> new DistributionLauncher(Path.of("bin", "spindle").toAbsolutePath(), d.resolve("conf"), work));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One line for the benchmark's output: which CLI its runs start. */
    static String describe(Optional<DistributionLauncher> launcher) {
        return launcher.map(l -> "CLI runs: " + l.launcher + " (the distribution's jars, JVM flags and class-data sharing)")
                .orElse("CLI runs: java -cp <test classpath> (no distribution built, so no class-data sharing)");
    }

    Process start(YarnCli cli, Path log, String... args) throws IOException {
        return cli.startLauncher(launcher, Map.of("SPINDLE_CDS_DIR", work.resolve("cds").toString(),
                "SPINDLE_CONF_DIR", conf().toString()), log, args);
    }

    /**
     * The launcher's first run trains its class-data sharing archive in the background; measured
     * runs start once that is done, as every run after a user's first does. Returns at once when no
     * launcher ran.
     */
    static void awaitClassDataArchive(Path work) throws InterruptedException, IOException {
        Path cds = work.resolve("cds");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (Files.isDirectory(cds) && System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(cds)) {
                if (files.noneMatch(f -> f.getFileName().toString().endsWith(".lock"))) {
                    return;
                }
            }
            Thread.sleep(200); // the training JVM tells nobody it ended
        }
    }

    private Path conf() throws IOException {
        Path conf = work.resolve("launcher-conf");
        if (Files.isDirectory(conf)) {
            return conf;
        }
        Files.createDirectories(conf);
        try (Stream<Path> files = Files.list(shippedConf)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, conf.resolve(f.getFileName()));
            }
        }
        Path logging = conf.resolve("log4j2-cli.properties");
        Files.writeString(logging, Files.readString(logging).replace("logger.phase.level = WARN", "logger.phase.level = INFO"));
        return conf;
    }
}
