package dev.spindle.yarn.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The launch spec as JSON, with a format version: a client and a cluster from different Spindle
 * builds (say, an old jar cached under {@code yarn.provided.lib.dirs}) fail at once with a message
 * that says so, instead of misreading each other's fields.
 */
public final class LaunchSpecFile {

    /** Format version this build writes and reads; raise it on any change of the spec's fields. */
    public static final int VERSION = 1;

    // Unknown fields fail the read too (Jackson's default): they mean a newer writer.
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LaunchSpecFile() {
    }

    public static byte[] toBytes(LaunchSpec spec) {
        try {
            return JSON.writeValueAsBytes(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the launch spec as JSON", e);
        }
    }

    public static LaunchSpec fromBytes(byte[] bytes) throws IOException {
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException("The launch spec " + ContainerLayout.LAUNCH_SPEC_FILE + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.path("version").canConvertToInt()) {
            throw new IOException("The launch spec " + ContainerLayout.LAUNCH_SPEC_FILE + " has no format version");
        }
        int version = tree.get("version").asInt();
        if (version != VERSION) {
            throw new IOException("The launch spec " + ContainerLayout.LAUNCH_SPEC_FILE + " has format version " + version
                    + " but this Spindle reads version " + VERSION
                    + ": the client and the cluster's Spindle jars come from different builds");
        }
        try {
            return JSON.treeToValue(tree, LaunchSpec.class);
        } catch (JsonProcessingException e) {
            throw new IOException("The launch spec " + ContainerLayout.LAUNCH_SPEC_FILE + " cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }

    public static void write(LaunchSpec spec, Path file) throws IOException {
        Files.write(file, toBytes(spec));
    }

    /** Reads the spec a container was given in its working dir. */
    public static LaunchSpec read(Path file) throws IOException {
        try {
            return fromBytes(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IOException("The launch spec " + file.toAbsolutePath() + " is missing from the container;"
                    + " was it launched by Spindle?", e);
        }
    }

    /**
     * Only the staging dir of a spec that cannot be read as a whole (another format version), so
     * that an AM which cannot run still removes its staging dir; empty when even that is missing.
     */
    public static Optional<String> readStagingDir(Path file) {
        try {
            JsonNode dir = JSON.readTree(Files.readAllBytes(file)).path("stagingDir");
            return dir.isTextual() && !dir.asText().isBlank() ? Optional.of(dir.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
