package dev.spindle.yarn.client.preflight;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-flight checks every mode runs, in two rounds: {@link #LOCAL} needs nothing but this
 * machine, {@link #CLUSTER} asks the ResourceManager and the file system. Both run before any
 * upload or submission; the first failing check ends the deployment.
 */
public final class PreflightChecks {

    private static final Logger LOG = LoggerFactory.getLogger(PreflightChecks.class);

    /** Checks of the user's own inputs: configuration values, jar, main class, files to ship and their names. */
    public static final List<PreflightCheck> LOCAL = List.of(new ConfigurationRangeCheck(), new UserJarCheck(), new ShipFilesCheck(), new ShipFileNameCheck(),
            new LogConfigFileCheck());

    /** Checks against the cluster, after the ResourceManager answered. */
    public static final List<PreflightCheck> CLUSTER = List.of(new QueueCheck(), new ContainerSizeCheck(),
            new SlotCapacityCheck(), new ProvidedLibDirsCheck());

    private PreflightChecks() {
    }

    public static void run(List<PreflightCheck> checks, PreflightContext context) throws PreflightException {
        for (PreflightCheck check : checks) {
            check.check(context);
            LOG.debug("Pre-flight check {} passed", check.getClass().getSimpleName());
        }
    }
}
