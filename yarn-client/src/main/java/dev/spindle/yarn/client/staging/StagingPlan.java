package dev.spindle.yarn.client.staging;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a deployment localizes in its containers.
 *
 * @param frameworkJars local jars of the Spindle distribution, uploaded to {@code lib/} unless a provided lib dir has a jar of the same name
 * @param providedLibDirs remote world-readable dirs registered PUBLIC under {@code lib/}, never uploaded
 * @param userJar the user jar: a local file (uploaded to {@code usrlib/}) or a remote URI (referenced in place); null for none
 * @param confFiles generated files for {@code conf/}, by file name
 * @param localConfFiles local files copied into {@code conf/} (Hadoop site files, log config)
 * @param shipFiles local files or dirs shipped into the working dir
 * @param shipArchives local archives shipped and unpacked into the working dir
 * @param rootFiles generated binary files for the staging dir's root, by file name (e.g. a per-job {@code job.graph})
 */
public record StagingPlan(
        List<Path> frameworkJars,
        List<URI> providedLibDirs,
        URI userJar,
        Map<String, String> confFiles,
        List<Path> localConfFiles,
        List<Path> shipFiles,
        List<Path> shipArchives,
        Map<String, byte[]> rootFiles) {

    /** A plan without generated root files (application mode, session). */
    public StagingPlan(List<Path> frameworkJars, List<URI> providedLibDirs, URI userJar, Map<String, String> confFiles,
            List<Path> localConfFiles, List<Path> shipFiles, List<Path> shipArchives) {
        this(frameworkJars, providedLibDirs, userJar, confFiles, localConfFiles, shipFiles, shipArchives, Map.of());
    }
}
