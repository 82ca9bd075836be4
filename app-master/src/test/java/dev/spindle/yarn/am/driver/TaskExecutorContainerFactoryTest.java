package dev.spindle.yarn.am.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;
import org.apache.hadoop.yarn.security.AMRMTokenIdentifier;
import org.junit.jupiter.api.Test;

import dev.spindle.configuration.MemorySize;
import dev.spindle.configuration.memory.ProcessMemorySpec;
import dev.spindle.runtime.resourcemanager.WorkerResourceSpec;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.common.ContainerSecrets;
import dev.spindle.yarn.common.EntrypointMode;
import dev.spindle.yarn.common.LaunchSpec;
import dev.spindle.yarn.common.LaunchSpecFile;
import dev.spindle.yarn.common.LocalizedResource;

class TaskExecutorContainerFactoryTest {

    private static final Text AMRM_SERVICE = new Text("rm:8030");
    private static final Text HDFS_SERVICE = new Text("ha-hdfs:nn");

    @Test
    void taskExecutorsGetTheAmFilesTheSecretAndNoAmrmToken() throws Exception {
        Map<String, LocalResource> resources = Map.of("lib/a.jar", LocalResource.newInstance(
                URL.fromPath(new org.apache.hadoop.fs.Path("hdfs://nn/user/u/.spindle/cache/x/a.jar")),
                LocalResourceType.FILE, LocalResourceVisibility.PRIVATE, 1, 2));
        Credentials am = new Credentials();
        am.addToken(AMRM_SERVICE, new Token<TokenIdentifier>(new byte[] {1}, new byte[] {2}, AMRMTokenIdentifier.KIND_NAME, AMRM_SERVICE));
        am.addToken(HDFS_SERVICE, new Token<TokenIdentifier>(new byte[] {3}, new byte[] {4}, new Text("HDFS_DELEGATION_TOKEN"), HDFS_SERVICE));
        ClusterSecret secret = ClusterSecret.generate();

        TaskExecutorContainerFactory factory = new TaskExecutorContainerFactory(resources, Map.of("CLASSPATH", "{{PWD}}/conf"),
                spec -> new FixedSpec(spec.processMemory()), secret, am);
        ContainerLaunchContext ctx = factory.create(new WorkerResourceSpec(MemorySize.parse("1g"), 1, 2), "am-host", 6123);

        assertEquals(resources, ctx.getLocalResources());
        assertEquals("{{PWD}}/conf", ctx.getEnvironment().get("CLASSPATH"));
        String command = ctx.getCommands().get(0);
        assertTrue(command.contains("-Xmx1024m " ), command);
        assertTrue(command.contains("dev.spindle.yarn.te.YarnTaskExecutorRunner am-host 6123"), command);
        assertTrue(command.contains("<LOG_DIR>/taskmanager.log"), command);
        assertFalse(command.contains(secret.toBase64()), "the secret is never on the command line");
        assertFalse(ctx.getEnvironment().toString().contains(secret.toBase64()), "nor in the environment");

        Credentials received = read(ctx.getTokens());
        assertTrue(secret.matches(ContainerSecrets.read(received).toBase64()));
        assertNull(received.getToken(AMRM_SERVICE), "the AMRMToken stays with the AM");
        assertEquals(new Text("HDFS_DELEGATION_TOKEN"), received.getToken(HDFS_SERVICE).getKind());
    }

    @Test
    void fromTheLaunchSpecTaskExecutorsGetItsFilesEnvironmentAndClasspathPlusTheSpecItself() throws Exception {
        LocalResource jar = LocalResource.newInstance(URL.fromPath(new org.apache.hadoop.fs.Path("hdfs://nn/shared/lib/a.jar")),
                LocalResourceType.FILE, LocalResourceVisibility.PUBLIC, 1, 2);
        LocalResource graph = LocalResource.newInstance(URL.fromPath(new org.apache.hadoop.fs.Path("hdfs://nn/s/job.graph")),
                LocalResourceType.FILE, LocalResourceVisibility.APPLICATION, 3, 4);
        LocalResource specFile = LocalResource.newInstance(URL.fromPath(new org.apache.hadoop.fs.Path("hdfs://nn/s/launch-spec.json")),
                LocalResourceType.FILE, LocalResourceVisibility.APPLICATION, 5, 6);
        // A framework jar outside lib/ (a provided dir's layout is its own): taken as listed, not by name.
        LaunchSpec spec = new LaunchSpec(LaunchSpecFile.VERSION, EntrypointMode.PER_JOB, "hdfs://nn/s", Map.of("a", "b"),
                List.of(LocalizedResource.of("shared/a.jar", jar), LocalizedResource.of("job.graph", graph)),
                List.of("{{PWD}}/conf", "{{PWD}}/shared/a.jar", "$HADOOP_CONF_DIR"), Map.of("HADOOP_USER_NAME", "alice"),
                null, null, List.of(), "job.graph");

        ContainerLaunchContext ctx = TaskExecutorContainerFactory.fromLaunchSpec(spec, specFile,
                s -> new FixedSpec(s.processMemory()), ClusterSecret.generate(), new Credentials())
                .create(new WorkerResourceSpec(MemorySize.parse("1g"), 1, 2), "am-host", 6123);

        assertEquals(Map.of("shared/a.jar", jar, "job.graph", graph, "launch-spec.json", specFile), ctx.getLocalResources());
        assertEquals(Map.of("HADOOP_USER_NAME", "alice", "CLASSPATH", "{{PWD}}/conf<CPS>{{PWD}}/shared/a.jar<CPS>$HADOOP_CONF_DIR"),
                ctx.getEnvironment());
    }

    private static Credentials read(ByteBuffer tokens) throws Exception {
        byte[] bytes = new byte[tokens.remaining()];
        tokens.duplicate().get(bytes);
        Credentials c = new Credentials();
        c.readTokenStorageStream(new DataInputStream(new ByteArrayInputStream(bytes)));
        return c;
    }

    private record FixedSpec(MemorySize total) implements ProcessMemorySpec {
        @Override
        public MemorySize getTotalProcessMemory() {
            return total;
        }

        @Override
        public MemorySize getJvmHeap() {
            return total;
        }

        @Override
        public MemorySize getJvmMetaspace() {
            return MemorySize.ZERO;
        }

        @Override
        public MemorySize getJvmOverhead() {
            return MemorySize.ZERO;
        }

        @Override
        public List<String> jvmArgs() {
            return List.of("-Xmx" + total.getMebiBytes() + "m");
        }
    }
}
