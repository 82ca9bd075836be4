package dev.spindle.yarn.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.ChannelSecurity;
import dev.spindle.runtime.security.tls.SslContexts;
import dev.spindle.yarn.client.ClusterClients;
import dev.spindle.yarn.client.rest.RestClusterClient;

/**
 * The training run behind the client's class-data sharing archive (see {@code bin/spindle-env.sh}):
 * a JVM started with {@code -XX:ArchiveClassesAtExit} runs this once, loading what client runs load
 * (the CLI and its configuration, Hadoop's YARN and HDFS clients, a pinned TLS 1.3 REST call over
 * loopback, JSON) without talking to any cluster, so that later client JVMs map those classes from
 * the archive instead of reading and verifying them from about 140 jars. Java 17 cannot archive a
 * user's own run safely: a failed dump at exit changes that run's exit code.
 */
public final class ClientClassTraining {

    private ClientClassTraining() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, String> env = System.getenv();
        CliFrontend cli = new CliFrontend(env, new ClusterClients(), LocalClusterControl.fromEnvironment());
        for (String verb : new String[] {"run", "run-application", "list", "cancel", "savepoint", "stop", "info"}) {
            cli.execute(new String[] {verb, "--help"}, discard, discard);
        }
        new SessionCli(env, new ClusterClients()).execute(new String[] {"--help"}, discard, discard);
        hadoopClients();
        pinnedRestCall();
    }

    /** Creates the YARN and HDFS clients a deployment uses; neither connects before its first call. */
    private static void hadoopClients() throws IOException {
        YarnConfiguration conf = new YarnConfiguration();
        conf.set(YarnConfiguration.RM_ADDRESS, "127.0.0.1:1");
        UserGroupInformation.getCurrentUser();
        YarnClient yarn = YarnClient.createYarnClient();
        yarn.init(conf);
        yarn.start();
        yarn.stop();
        ApplicationId.fromString("application_1700000000000_0001");
        FileSystem.newInstance(URI.create("hdfs://127.0.0.1:1/"), conf).close();
    }

    /** One REST call as the client makes it (certificate pinned, TLS 1.3, JSON answer) to a loopback server of its own. */
    private static void pinnedRestCall() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        try (SSLServerSocket server = (SSLServerSocket) SslContexts.server(ChannelSecurity.GENERATED, secret.tlsIdentity())
                .getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> answerOnce(server), "training-rest-server");
            answer.setDaemon(true);
            answer.start();
            new RestClusterClient("https://127.0.0.1:" + server.getLocalPort(), secret).overview();
            answer.join(10_000);
        }
    }

    private static void answerOnce(SSLServerSocket server) {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
            InputStream in = socket.getInputStream();
            byte[] head = new byte[8192];
            int read = 0;
            while (read < head.length && !new String(head, 0, read, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                int n = in.read(head, read, head.length - read);
                if (n < 0) {
                    return;
                }
                read += n;
            }
            byte[] body = "{\"jobs\":[]}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // the client's side reports it; a training run has nothing else to do with it
        }
    }
}
