package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.examples.WordCount;
import dev.spindle.it.cluster.KerberizedYarnClusterExtension;

/**
 * Spindle on a Kerberized mini HDFS + YARN (MiniKdc) whose HDFS delegation tokens live 90 s at
 * most and must be renewed every 45 s: application mode with a keytab, and a session that keeps
 * reading and writing HDFS after every token the client gave it has expired for good. The AM and
 * the TaskExecutors log in from the shipped keytab.
 */
@Timeout(900)
class KerberosOnYarnTest {

    // Long enough for YARN to localize the AM with the client's tokens on a loaded machine, short enough to outlive.
    private static final long TOKEN_MAX_LIFETIME_MS = 90_000;

    @RegisterExtension
    static final KerberizedYarnClusterExtension CLUSTER = new KerberizedYarnClusterExtension(1, Map.of(
            "dfs.namenode.delegation.token.max-lifetime", Long.toString(TOKEN_MAX_LIFETIME_MS),
            "dfs.namenode.delegation.token.renew-interval", "45000"));

    @TempDir
    static Path tmp;

    private static final Map<String, Long> EXPECTED = new HashMap<>();

    private static YarnClient yarn;
    private static FileSystem fs;
    private static YarnCli cli;
    private static Path jar;
    private static String input;
    private static ApplicationId session;

    @BeforeAll
    static void setUp() throws Exception {
        YarnConfiguration conf = new YarnConfiguration();
        for (String f : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
            conf.addResource(new org.apache.hadoop.fs.Path(CLUSTER.cluster().getConfDir().resolve(f).toUri()));
        }
        yarn = YarnClient.createYarnClient();
        yarn.init(conf);
        yarn.start();
        fs = CLUSTER.cluster().getFileSystem();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        jar = UserJars.jarOf(WordCount.class, tmp.resolve("spindle-examples.jar"));
        String[] words = {"kerberos", "keytab", "ticket", "token", "renewer", "realm"};
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path("/input");
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 1000; line++) {
            for (int w = 0; w <= line % words.length; w++) {
                text.append(words[w]).append(' ');
                EXPECTED.merge(words[w], 1L, Long::sum);
            }
            text.append('\n');
        }
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(dir, "part-0.txt"))) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        input = fs.makeQualified(dir).toString();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (session != null && !YarnApps.ended(yarn.getApplicationReport(session))) {
            yarn.killApplication(session);
        }
        if (yarn != null) {
            yarn.stop();
        }
    }

    /**
     * The CLI's Kerberos flags (log in from the KDC's keytab, ship its krb5.conf to the containers),
     * after the verb of {@code spindle} or first for {@code yarn-session.sh}.
     */
    private static List<String> kerberos(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        int at = args[0].startsWith("-") ? 0 : 1;
        all.addAll(at, List.of("-Dsecurity.kerberos.login.keytab=" + CLUSTER.keytab(),
                "-Dsecurity.kerberos.login.principal=" + CLUSTER.principal(),
                "-Dsecurity.kerberos.krb5-conf.path=" + CLUSTER.krb5Conf()));
        return all;
    }

    @Test
    void applicationModeWordCountWithAKeytab() throws Exception {
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/out-application")).toString();
        YarnCli.Result result = cli.run(kerberos("run-application", "-p", "2", "-c", WordCount.class.getName(), jar.toString(),
                "--input", input, "--output", output).toArray(String[]::new));
        ApplicationReport app = YarnCli.latestApplication(yarn);
        String context = result + cli.amLogs(app.getApplicationId());

        assertEquals(0, result.exitCode(), context);
        assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), context);
        assertEquals(EXPECTED, WordCountOutput.readCounts(fs, output), context);
        assertFalse(result.out().contains("ticket cache only"), "no lifetime warning with a keytab: " + context);
        // This RM does not obtain tokens for localizing later attempts, and the application may have two.
        assertTrue(result.out().contains("WARNING: an ApplicationMaster attempt that starts after")
                && result.out().contains("yarn.resourcemanager.proxy-user-privileges.enabled=true"), result.out());
        String amLog = cli.containerLogText(app.getApplicationId(), "jobmanager.log");
        assertTrue(amLog.contains("Logged in to Kerberos as " + CLUSTER.principal()), context);
        assertTrue(amLog.contains("Obtained") && amLog.contains("delegation tokens"), context);
        List<Path> teLogs = cli.containerLogs(app.getApplicationId(), "taskmanager.log");
        assertFalse(teLogs.isEmpty(), context);
        assertKeytabLogins(teLogs);
    }

    /** Each TaskExecutor logged in from the keytab its container was given, naming its container. */
    private static void assertKeytabLogins(List<Path> teLogs) throws IOException {
        for (Path log : teLogs) {
            String container = log.getParent().getFileName().toString();
            String text = java.nio.file.Files.readString(log);
            assertTrue(text.contains("Logged in to Kerberos as " + CLUSTER.principal() + " from keytab ")
                    && text.contains(" in container " + container + " (keeping the "), container + ":\n" + tail(text));
        }
    }

    @Test
    void aSessionOutlivesTheMaxLifetimeOfItsClientsTokens() throws Exception {
        String properties = "-Dyarn.properties-file.location=" + tmp.resolve("props");
        long deployedAt = System.currentTimeMillis();
        // Renew at half the time left, so the renewed tokens reach the TaskExecutor well before the old ones end;
        // idle TaskExecutors are kept, so that the second job runs on the one launched with the first tokens.
        YarnCli.Result started = cli.session(kerberos("-d", "-nm", "kerberos-session", "-s", "2", properties,
                "-Dsecurity.kerberos.tokens.renewal.time-ratio=0.5", "-Dresourcemanager.taskmanager-timeout=10min")
                .toArray(String[]::new));
        assertEquals(0, started.exitCode(), started.toString());
        Matcher m = Pattern.compile("Spindle session (application_\\d+_\\d+) is running").matcher(started.out());
        assertTrue(m.find(), started.out());
        session = ApplicationId.fromString(m.group(1));
        org.apache.hadoop.fs.Path stagingKeytab = new org.apache.hadoop.fs.Path(YarnApps.stagingDir(fs, session), "krb5.keytab");
        assertEquals((short) 0400, fs.getFileStatus(stagingKeytab).getPermission().toShort(), "the keytab is owner-read-only");

        String firstOut = fs.makeQualified(new org.apache.hadoop.fs.Path("/out-session-1")).toString();
        YarnCli.Result first = cli.run(kerberos("run", properties, "-p", "2", "-c", WordCount.class.getName(), jar.toString(),
                "--input", input, "--output", firstOut).toArray(String[]::new));
        assertEquals(0, first.exitCode(), first + cli.amLogs(session));
        assertEquals(EXPECTED, WordCountOutput.readCounts(fs, firstOut));
        List<Path> teLogs = cli.containerLogs(session, "taskmanager.log");
        assertEquals(1, teLogs.size(), teLogs.toString());
        assertKeytabLogins(teLogs);

        // Every token the client obtained ends at most TOKEN_MAX_LIFETIME_MS after the deployment: wait until they
        // have, the AM has re-obtained tokens, and the running TaskExecutor replaced the generation it was launched with.
        long clientTokensEnd = deployedAt + TOKEN_MAX_LIFETIME_MS;
        YarnApps.waitUntil(() -> System.currentTimeMillis() > clientTokensEnd + 20_000
                && YarnCli.readAll(teLogs).matches("(?s).*received \\d+ delegation tokens \\(version [2-9]\\).*"), 400,
                () -> "renewed tokens in the TaskExecutor; its log:\n" + tail(YarnCli.readAll(teLogs)) + cli.amLogs(session));

        String secondOut = fs.makeQualified(new org.apache.hadoop.fs.Path("/out-session-2")).toString();
        YarnCli.Result second = cli.run(kerberos("run", properties, "-p", "2", "-c", WordCount.class.getName(), jar.toString(),
                "--input", input, "--output", secondOut).toArray(String[]::new));
        assertEquals(0, second.exitCode(), second + cli.amLogs(session) + tail(YarnCli.readAll(teLogs)));
        assertEquals(EXPECTED, WordCountOutput.readCounts(fs, secondOut));
        assertEquals(teLogs, cli.containerLogs(session, "taskmanager.log"), "the second job ran on the same TaskExecutor");
        String amLog = cli.containerLogText(session, "jobmanager.log");
        assertTrue(amLog.contains("Renewed"), "tokens were renewed: " + tail(amLog));

        YarnCli.Result stop = cli.session(kerberos("-id", session.toString(), "--stop", properties).toArray(String[]::new));
        assertEquals(0, stop.exitCode(), stop + cli.amLogs(session));
        assertEquals(FinalApplicationStatus.SUCCEEDED, YarnApps.waitForEnd(yarn, session).getFinalApplicationStatus());
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 80), lines.length));
    }
}
