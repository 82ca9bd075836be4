package dev.spindle.yarn.common.security;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.security.Credentials;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;

/** Every service an application needs delegation tokens for, obtained together. */
public final class DelegationTokenObtainers {

    private final List<DelegationTokenObtainer> obtainers;

    public DelegationTokenObtainers(List<DelegationTokenObtainer> obtainers) {
        this.obtainers = List.copyOf(obtainers);
    }

    /**
     * The staging file system, those of {@code yarn.security.kerberos.additionalFileSystems}, and
     * the YARN ResourceManager.
     */
    public static DelegationTokenObtainers forApplication(Configuration conf, org.apache.hadoop.conf.Configuration hadoopConf,
            URI stagingFileSystem) {
        Set<URI> fileSystems = new LinkedHashSet<>();
        fileSystems.add(stagingFileSystem);
        fileSystems.addAll(additionalFileSystems(conf));
        return new DelegationTokenObtainers(List.of(new FileSystemTokenObtainer(new ArrayList<>(fileSystems), hadoopConf),
                new ResourceManagerTokenObtainer(hadoopConf)));
    }

    /** The URIs of {@code yarn.security.kerberos.additionalFileSystems}; each must name its file system. */
    public static List<URI> additionalFileSystems(Configuration conf) {
        List<URI> result = new ArrayList<>();
        String value = conf.getOptional(YarnConfigOptions.SECURITY_KERBEROS_ADDITIONAL_FILESYSTEMS).orElse("");
        for (String part : value.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(YarnConfigOptions.SECURITY_KERBEROS_ADDITIONAL_FILESYSTEMS.key()
                        + " holds " + trimmed + ", which is not a URI: " + e.getMessage(), e);
            }
            if (uri.getScheme() == null || uri.getAuthority() == null) {
                throw new IllegalArgumentException(YarnConfigOptions.SECURITY_KERBEROS_ADDITIONAL_FILESYSTEMS.key()
                        + " holds " + trimmed + ": give whole file system URIs such as hdfs://namenode:8020");
            }
            result.add(uri);
        }
        return result;
    }

    /** New tokens of every service; fails naming the service that gave none. */
    public Credentials obtainAll(String renewer) throws IOException {
        Credentials credentials = new Credentials();
        obtainInto(credentials, renewer);
        return credentials;
    }

    /** Adds new tokens of every service to {@code credentials}. */
    public void obtainInto(Credentials credentials, String renewer) throws IOException {
        for (DelegationTokenObtainer obtainer : obtainers) {
            try {
                obtainer.obtain(credentials, renewer);
            } catch (IOException | RuntimeException e) {
                throw new IOException("Could not obtain delegation tokens of the " + obtainer.serviceName() + ": " + e.getMessage(), e);
            }
        }
    }
}
