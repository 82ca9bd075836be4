package dev.spindle.yarn.client.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.apache.hadoop.yarn.api.records.ApplicationId;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.client.files.OwnerOnlyFile;

/**
 * The {@code .yarn-properties-<user>} file that names the current session, so a bare
 * {@code spindle run} finds it. It holds the session's secret (and the certificate clients pin), so it is created owner-only (0600)
 * before anything is written into it.
 */
public final class SessionPropertiesFile {

    static final String APPLICATION_ID = "applicationID";
    static final String SECRET = "secret";
    static final String CERTIFICATE = "certificate";
    static final String REST_URL = "restUrl";
    static final String TRACKING_URL = "trackingUrl";
    private static final java.util.regex.Pattern APPLICATION_ID_SHAPE = java.util.regex.Pattern.compile("application_\\d+_\\d+");

    /**
     * What the file says: the session's application id and secret, and where its REST endpoint was
     * when it was recorded (null in files of older clients). The id stays text until asked for as a
     * YARN record, so that a client going straight to REST loads nothing of YARN.
     */
    public record Entry(String id, ClusterSecret secret, String restUrl, String trackingUrl) {

        public ApplicationId applicationId() {
            return ApplicationId.fromString(id);
        }
    }

    private final Path file;
    private final OwnerOnlyFile ownerOnly;

    public SessionPropertiesFile(Path file) {
        this(file, System.getProperty("user.name"));
    }

    /** {@code user} must own the file for it to be read (the caller; tests running as root pass another name). */
    public SessionPropertiesFile(Path file, String user) {
        this.file = file;
        this.ownerOnly = new OwnerOnlyFile(file, user);
    }

    /** The file for this user at {@code yarn.properties-file.location} (default: the temp dir). */
    public static SessionPropertiesFile of(Configuration configuration) {
        String dir = configuration.getOptional(YarnConfigOptions.PROPERTIES_FILE_LOCATION)
                .orElse(System.getProperty("java.io.tmpdir"));
        return new SessionPropertiesFile(Path.of(dir).resolve(".yarn-properties-" + System.getProperty("user.name")));
    }

    public Path path() {
        return file;
    }

    /** The session the file names, or empty when there is no (readable, complete) file. */
    public Optional<Entry> read() throws IOException {
        if (!ownerOnly.exists()) {
            return Optional.empty();
        }
        // The default location is the shared temp dir: a file planted there by another user would
        // otherwise receive this user's job graphs and pin that user's certificate.
        ownerOnly.checkTrusted();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            p.load(in);
        }
        String id = p.getProperty(APPLICATION_ID);
        String secret = p.getProperty(SECRET);
        String certificate = p.getProperty(CERTIFICATE);
        if (id == null || secret == null || certificate == null) {
            throw new IOException("The session properties file " + file + " lacks '" + APPLICATION_ID + "', '" + SECRET + "' or '"
                    + CERTIFICATE + "'; delete it and attach with 'yarn-session.sh -id <appId>'.");
        }
        try {
            if (!APPLICATION_ID_SHAPE.matcher(id.trim()).matches()) {
                throw new IllegalArgumentException("'" + id.trim() + "' is not an application id");
            }
            return Optional.of(new Entry(id.trim(), ClusterSecret.forClient(secret, certificate), p.getProperty(REST_URL),
                    p.getProperty(TRACKING_URL)));
        } catch (IllegalArgumentException e) {
            throw new IOException("The session properties file " + file + " is corrupt (" + e.getMessage()
                    + "); delete it and attach with 'yarn-session.sh -id <appId>'.", e);
        }
    }

    /** Writes the file atomically; it is 0600 from its creation on, so the secret is never readable by others. */
    public void write(ApplicationId applicationId, ClusterSecret secret) throws IOException {
        write(applicationId, secret, null, null);
    }

    /** Writes the file with where the session's REST endpoint and web UI are now (either may be null). */
    public void write(ApplicationId applicationId, ClusterSecret secret, String restUrl, String trackingUrl) throws IOException {
        Properties p = new Properties();
        p.setProperty(APPLICATION_ID, applicationId.toString());
        if (restUrl != null) {
            p.setProperty(REST_URL, restUrl);
        }
        if (trackingUrl != null) {
            p.setProperty(TRACKING_URL, trackingUrl);
        }
        p.setProperty(SECRET, secret.toBase64());
        // The certificate to pin; the private key stays in the application's container credentials.
        p.setProperty(CERTIFICATE, secret.certificateBase64());
        ownerOnly.write(out -> p.store(out, "Spindle session (owner-only: holds the session's secret)"));
    }

    /** Removes the file if it names {@code applicationId}; returns whether it did. */
    public boolean deleteIfNames(ApplicationId applicationId) throws IOException {
        Optional<Entry> entry;
        try {
            entry = read();
        } catch (IOException e) {
            return false;
        }
        if (entry.isPresent() && entry.get().id().equals(applicationId.toString())) {
            Files.deleteIfExists(file);
            return true;
        }
        return false;
    }
}
