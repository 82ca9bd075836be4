package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.DeploymentOptions;
import java.io.File;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code run} and {@code run-application}: a program jar (as typed: a local path or a URI such as
 * {@code hdfs://nn/jobs/app.jar}), its entry class and arguments, and how to deploy it.
 */
public record RunAction(String action, ClusterTarget cluster, String entryClass, Integer parallelism, boolean detached,
        String savepointPath, boolean allowNonRestoredState, String jar, List<String> programArgs,
        List<String> dynamicProperties) implements ParsedAction {

    private static final Pattern URI_WITH_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://.*");

    /** The jar as a local file (meaningful when {@link #isRemoteJar()} is false). */
    public File jarFile() {
        return jar.startsWith("file:") ? new File(URI.create(jar)) : new File(jar);
    }

    /** Whether the jar was given as a URI with a scheme ({@code hdfs://...}, {@code file://...}). */
    public boolean isRemoteJar() {
        return URI_WITH_SCHEME.matcher(jar).matches() && !jar.startsWith("file:");
    }

    /** The jar as deployments take it: a remote URI as given, a local jar as its path. */
    public String jarLocation() {
        return isRemoteJar() ? jar : jarFile().getPath();
    }

    /** The jar as an absolute URI: as given when it has a scheme, else the local file's URI. */
    public URI jarUri() {
        return URI_WITH_SCHEME.matcher(jar).matches() ? URI.create(jar) : jarFile().getAbsoluteFile().toURI();
    }

    @Override
    public void applyTo(Configuration configuration) {
        cluster.applyTo(configuration);
        if (parallelism != null) {
            configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        if (detached) {
            configuration.set(DeploymentOptions.ATTACHED, false);
        }
        if (savepointPath != null) {
            configuration.set(DeploymentOptions.SAVEPOINT_PATH, savepointPath);
        }
        if (allowNonRestoredState) {
            configuration.set(DeploymentOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
    }
}
