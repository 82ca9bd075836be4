package dev.spindle.runtime.security.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.HeartbeatOptions;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.runtime.minicluster.MiniCluster;
import dev.spindle.runtime.taskexecutor.TaskExecutor;

/** Tokens published on the JobManager side reach every running TaskExecutor over the real RPC. */
@Timeout(60)
class DelegationTokenDistributionTest {

    private static final Text SERVICE = new Text("nn.example:8020");

    @Test
    void publishedTokensReachEveryTaskExecutorsHadoopUser() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(HeartbeatOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(100));
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            for (TaskExecutor te : cluster.getTaskExecutors()) {
                assertEquals(0, te.getDelegationTokensVersion());
            }
            DelegationTokenDistributor distributor = cluster.getClusterServices().getDelegationTokenDistributor();

            long first = distributor.publish(serialize(token(new byte[] {1, 2, 3})));
            waitUntil(() -> cluster.getTaskExecutors().stream().allMatch(te -> te.getDelegationTokensVersion() == first), 10_000);
            assertArrayEquals(new byte[] {1, 2, 3}, currentToken().getIdentifier());

            // A second generation replaces the first under the same service.
            long second = distributor.publish(serialize(token(new byte[] {4, 5})));
            waitUntil(() -> cluster.getTaskExecutors().stream().allMatch(te -> te.getDelegationTokensVersion() == second), 10_000);
            assertEquals(first + 1, second);
            assertArrayEquals(new byte[] {4, 5}, currentToken().getIdentifier());
        }
    }

    @Test
    void aHolderGetsOnlyNewerTokens() {
        DelegationTokenDistributor distributor = new DelegationTokenDistributor();
        assertTrue(distributor.newerThan(0).isEmpty());
        long v = distributor.publish(new byte[] {9});
        assertArrayEquals(new byte[] {9}, distributor.newerThan(0).orElseThrow().serialized());
        assertFalse(distributor.newerThan(v).isPresent());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + timeoutMillis + " ms");
            }
            Thread.sleep(20);
        }
    }

    private static Token<? extends TokenIdentifier> currentToken() throws Exception {
        return UserGroupInformation.getCurrentUser().getCredentials().getToken(SERVICE);
    }

    private static Credentials token(byte[] identifier) {
        Credentials c = new Credentials();
        c.addToken(SERVICE, new Token<>(identifier, new byte[] {7}, new Text("HDFS_DELEGATION_TOKEN"), SERVICE));
        return c;
    }

    private static byte[] serialize(Credentials c) throws Exception {
        DataOutputBuffer out = new DataOutputBuffer();
        c.writeTokenStorageToStream(out);
        return java.util.Arrays.copyOf(out.getData(), out.getLength());
    }
}
