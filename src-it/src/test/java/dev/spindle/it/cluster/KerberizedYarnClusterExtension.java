package dev.spindle.it.cluster;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.minikdc.MiniKdc;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.spindle.localcluster.LocalYarnCluster;

/**
 * A KDC (MiniKdc) and a Kerberized mini HDFS + YARN for one test class. Every service runs as one
 * principal {@code <user>/localhost}, the one the tests log in with too (the clusters and the
 * client share this JVM's Hadoop login). Secure DataNode ports are waived for testing
 * ({@code ignore.secure.ports.for.testing}); web UIs keep simple authentication.
 */
public final class KerberizedYarnClusterExtension implements BeforeAllCallback, AfterAllCallback {

    /** Keys clients and containers need to talk to the secure services (no keytab paths among them). */
    private static final List<String> CLIENT_KEYS = List.of("hadoop.security.authentication", "hadoop.security.auth_to_local",
            "dfs.namenode.kerberos.principal", "dfs.datanode.kerberos.principal", "dfs.block.access.token.enable",
            "yarn.resourcemanager.principal", "yarn.nodemanager.principal");

    private final int numNodeManagers;
    private final Map<String, String> overrides;
    private MiniKdc kdc;
    private LocalYarnCluster cluster;
    private Path keytab;
    private String principal;

    /** @param overrides Hadoop settings on top of the secure ones (e.g. short delegation token lifetimes) */
    public KerberizedYarnClusterExtension(int numNodeManagers, Map<String, String> overrides) {
        this.numNodeManagers = numNodeManagers;
        this.overrides = Map.copyOf(overrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String name = context.getRequiredTestClass().getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path base = Path.of(System.getProperty("basedir", "."), "target", "local-yarn", name).toAbsolutePath();
        Path kdcDir = Files.createDirectories(base.resolve("kdc"));
        kdc = new MiniKdc(MiniKdc.createConf(), kdcDir.toFile());
        kdc.start();
        String realm = kdc.getRealm();
        String user = System.getProperty("user.name");
        keytab = kdcDir.resolve("spindle.keytab");
        kdc.createPrincipal(keytab.toFile(), user + "/localhost", "HTTP/localhost");
        principal = user + "/localhost@" + realm;
        String http = "HTTP/localhost@" + realm;

        Map<String, String> secure = new LinkedHashMap<>();
        secure.put("hadoop.security.authentication", "kerberos");
        secure.put("hadoop.security.authorization", "false");
        // Explicit rules: the realm is the KDC's, whatever the JDK reports as default realm.
        secure.put("hadoop.security.auth_to_local", "RULE:[1:$1@$0](.*@" + realm + ")s/@.*//\n"
                + "RULE:[2:$1@$0](.*@" + realm + ")s/@.*//\nDEFAULT");
        secure.put("dfs.namenode.kerberos.principal", principal);
        secure.put("dfs.namenode.keytab.file", keytab.toString());
        secure.put("dfs.datanode.kerberos.principal", principal);
        secure.put("dfs.datanode.keytab.file", keytab.toString());
        secure.put("dfs.web.authentication.kerberos.principal", http);
        secure.put("dfs.web.authentication.kerberos.keytab", keytab.toString());
        secure.put("dfs.block.access.token.enable", "true");
        secure.put("ignore.secure.ports.for.testing", "true");
        secure.put("yarn.resourcemanager.principal", principal);
        secure.put("yarn.resourcemanager.keytab", keytab.toString());
        secure.put("yarn.nodemanager.principal", principal);
        secure.put("yarn.nodemanager.keytab", keytab.toString());
        secure.put("yarn.resourcemanager.webapp.spnego-principal", http);
        secure.put("yarn.resourcemanager.webapp.spnego-keytab-file", keytab.toString());
        secure.put("yarn.nodemanager.webapp.spnego-principal", http);
        secure.put("yarn.nodemanager.webapp.spnego-keytab-file", keytab.toString());
        // Aggregating logs at the end of an application would use its (by then possibly expired) tokens.
        secure.put("yarn.log-aggregation-enable", "false");
        secure.putAll(overrides);

        Configuration ugiConf = new Configuration();
        secure.forEach(ugiConf::set);
        UserGroupInformation.setConfiguration(ugiConf);
        UserGroupInformation.loginUserFromKeytab(principal, keytab.toString());

        cluster = new LocalYarnCluster(base, name, numNodeManagers, null, secure).start(Duration.ofSeconds(90));
        addClientKeys(cluster.getConfDir(), secure);
    }

    /** The cluster's conf dir gets what a client of a secure cluster needs. */
    private static void addClientKeys(Path confDir, Map<String, String> secure) throws Exception {
        for (String file : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
            Path path = confDir.resolve(file);
            Configuration c = new Configuration(false);
            try (InputStream in = Files.newInputStream(path)) {
                c.addResource(in);
                c.size(); // reads the stream before it is closed
            }
            for (String key : CLIENT_KEYS) {
                String target = key.startsWith("yarn.") ? "yarn-site.xml" : key.startsWith("dfs.") ? "hdfs-site.xml" : "core-site.xml";
                if (target.equals(file)) {
                    c.set(key, secure.get(key));
                }
            }
            try (OutputStream out = Files.newOutputStream(path)) {
                c.writeXml(out);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
        if (kdc != null) {
            kdc.stop();
            kdc = null;
        }
        // Later test classes in this JVM run without Kerberos.
        UserGroupInformation.reset();
        UserGroupInformation.setConfiguration(new Configuration());
    }

    public LocalYarnCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the Kerberized cluster is only available between beforeAll and afterAll");
        }
        return cluster;
    }

    /** The keytab of {@link #principal()}. */
    public Path keytab() {
        return keytab;
    }

    /** The principal every service and the tests use, {@code <user>/localhost@REALM}. */
    public String principal() {
        return principal;
    }

    /** The KDC's krb5.conf, for containers (security.kerberos.krb5-conf.path). */
    public Path krb5Conf() {
        return kdc.getKrb5conf().toPath();
    }
}
