package dev.spindle.yarn.client.deployment;

import java.net.URI;
import java.util.List;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.common.EntrypointMode;

/**
 * One cluster to deploy on YARN: the effective configuration, the AM entrypoint of the mode
 * (application, per-job, session), and the user program when the mode has one.
 *
 * @param entrypointClass main class of the AM, e.g. {@code dev.spindle.yarn.am.ApplicationModeEntrypoint}
 * @param defaultName application name when {@code yarn.application.name} is unset
 * @param userJar local or remote user jar; null for a session
 * @param mainClass entry class from {@code -c}; null to take the jar manifest's
 * @param extraConfFiles generated files for the staging {@code conf/} dir besides the config
 * @param rootFiles generated binary files for the staging dir's root and the AM's working dir (per-job: {@code job.graph})
 */
public record DeploymentRequest(
        Configuration configuration,
        String entrypointClass,
        String defaultName,
        URI userJar,
        String mainClass,
        List<String> programArgs,
        java.util.Map<String, String> extraConfFiles,
        java.util.Map<String, byte[]> rootFiles) {

    public static final String APPLICATION_MODE_ENTRYPOINT = EntrypointMode.APPLICATION.mainClass();

    /** AM main class of a session: no program, jobs come over REST. */
    public static final String SESSION_MODE_ENTRYPOINT = EntrypointMode.SESSION.mainClass();

    /** AM main class of a per-job cluster: runs the shipped job.graph. */
    public static final String PER_JOB_MODE_ENTRYPOINT = EntrypointMode.PER_JOB.mainClass();

    /** A request without generated root files (application mode, session). */
    public DeploymentRequest(Configuration configuration, String entrypointClass, String defaultName, URI userJar,
            String mainClass, List<String> programArgs, java.util.Map<String, String> extraConfFiles) {
        this(configuration, entrypointClass, defaultName, userJar, mainClass, programArgs, extraConfFiles, java.util.Map.of());
    }
}
