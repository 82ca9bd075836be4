package dev.spindle.yarn.client.api;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The program jar as the user gave it: a local path, a {@code file:} URI, or a remote URI such as
 * {@code hdfs://nn/jobs/app.jar} that deployments reference in place. The one place that tells them apart.
 */
public record ProgramJar(String given) {

    private static final Pattern URI_WITH_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://.*");

    /** Whether the jar was given as a URI with a non-file scheme ({@code hdfs://...}). */
    public boolean isRemote() {
        return URI_WITH_SCHEME.matcher(given).matches() && !given.startsWith("file:");
    }

    /** The jar as a local file (meaningful when {@link #isRemote()} is false). */
    public File localFile() {
        return given.startsWith("file:") ? new File(URI.create(given)) : new File(given);
    }

    /** The jar as deployments take it: a remote URI as given, a local jar as its path. */
    public String location() {
        return isRemote() ? given : localFile().getPath();
    }

    /** The jar as an absolute URI: as given when it has a scheme, else the local file's URI. */
    public URI uri() {
        return URI_WITH_SCHEME.matcher(given).matches() ? URI.create(given) : localFile().getAbsoluteFile().toURI();
    }

    /**
     * The URI a deployment registers: a remote one as given (its file system checks it), a local one
     * after checking that the file exists.
     */
    public URI forDeployment() throws DeploymentException {
        if (isRemote()) {
            return uri();
        }
        Path local = localFile().toPath().toAbsolutePath();
        if (!Files.isRegularFile(local)) {
            throw new DeploymentException("The user jar " + local + " does not exist or is not a file.");
        }
        return local.toUri();
    }
}
