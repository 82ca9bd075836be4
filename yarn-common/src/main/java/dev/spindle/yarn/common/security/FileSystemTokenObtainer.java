package dev.spindle.yarn.common.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.Credentials;

/**
 * Delegation tokens of Hadoop file systems: the staging file system and those of
 * {@code yarn.security.kerberos.additionalFileSystems}.
 */
public final class FileSystemTokenObtainer implements DelegationTokenObtainer {

    private final List<URI> fileSystems;
    private final Configuration hadoopConf;

    public FileSystemTokenObtainer(List<URI> fileSystems, Configuration hadoopConf) {
        this.fileSystems = List.copyOf(fileSystems);
        this.hadoopConf = hadoopConf;
    }

    @Override
    public String serviceName() {
        return "file systems " + fileSystems;
    }

    @Override
    public void obtain(Credentials credentials, String renewer) throws IOException {
        for (URI uri : fileSystems) {
            // A fresh instance: a cached one may belong to another user, and a token is asked of the
            // file system the way the current user authenticates now.
            // A file system without tokens (file://) adds none; one already in the credentials is not asked again.
            try (FileSystem fs = FileSystem.newInstance(uri, hadoopConf)) {
                fs.addDelegationTokens(renewer, credentials);
            }
        }
    }
}
