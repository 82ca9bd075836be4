package dev.spindle.yarn.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.yarn.api.records.LocalResource;

import dev.spindle.configuration.Configuration;

/**
 * Everything the client decided about an application's containers, in one file
 * ({@value ContainerLayout#LAUNCH_SPEC_FILE}, see {@link LaunchSpecFile}): written by the client
 * into the staging dir and localized into the ApplicationMaster, which launches its own process
 * from it and extends it for TaskExecutors (the same resources, classpath and environment, plus
 * the spec file itself, the TaskExecutor main class and memory flags). TaskExecutors read their
 * configuration from it. The cluster secret is never in it: that travels in container credentials.
 *
 * <p>JVM options are not stored separately: each process derives its memory flags from the
 * memory keys of {@link #configuration()} (JobManager model for the AM, TaskExecutor model for
 * TaskExecutors), so the spec holds their inputs.
 *
 * @param version format version, {@link LaunchSpecFile#VERSION} when written by this build
 * @param mode what the AM runs
 * @param stagingDir the application's staging dir (a file system URI); the AM removes it at the end
 * @param configuration the effective configuration, as strings (typed reads convert them exactly
 *     as from the user's own file)
 * @param localResources every localized file except the spec itself, in the client's order:
 *     framework jars, user jar, conf files, ship files and archives, the job graph
 * @param classpath CLASSPATH entries in order, relative to the container's working dir ({@code {{PWD}}})
 *     or the cluster's ({@code yarn.application.classpath})
 * @param environment variables every container gets besides CLASSPATH (see {@link ContainerEnvironment})
 * @param userJar link name of the user jar; null when there is none (session)
 * @param mainClass the program's entry class from {@code -c}; null to take the jar manifest's
 * @param programArgs the program's arguments (application mode)
 * @param jobGraph link name of the job graph (per-job); null otherwise
 */
public record LaunchSpec(
        int version,
        EntrypointMode mode,
        String stagingDir,
        Map<String, String> configuration,
        List<LocalizedResource> localResources,
        List<String> classpath,
        Map<String, String> environment,
        String userJar,
        String mainClass,
        List<String> programArgs,
        String jobGraph) {

    public LaunchSpec {
        configuration = new TreeMap<>(configuration == null ? Map.of() : configuration);
        localResources = localResources == null ? List.of() : List.copyOf(localResources);
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
        environment = new TreeMap<>(environment == null ? Map.of() : environment);
        programArgs = programArgs == null ? List.of() : List.copyOf(programArgs);
    }

    /** The configuration as the processes read it. */
    public Configuration toConfiguration() {
        Configuration conf = new Configuration();
        configuration.forEach(conf::setString);
        return conf;
    }

    /** The local resources as YARN takes them, by link name, in the client's order. */
    public Map<String, LocalResource> yarnLocalResources() {
        Map<String, LocalResource> result = new LinkedHashMap<>();
        for (LocalizedResource r : localResources) {
            result.put(r.link(), r.toYarn());
        }
        return result;
    }
}
