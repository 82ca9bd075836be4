package dev.spindle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.ExecutionCheckpointingOptions;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.runtime.checkpoint.CheckpointSettings;
import org.junit.jupiter.api.Test;

/** The checkpoint snippet of the users' study notes, with only its imports changed, and where its settings go. */
class CheckpointConfigTest {

    @Test
    void theStudyNotesSnippetCompilesAndWritesTheJobConfiguration() {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.enableCheckpointing(1000);
        env.getCheckpointConfig().setCheckpointingMode(CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(500);
        env.getCheckpointConfig().setCheckpointTimeout(60000);
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(2);
        env.getCheckpointConfig().setMaxConcurrentCheckpoints(1);
        env.getCheckpointConfig().enableExternalizedCheckpoints(
                ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);
        // Spindle has no unaligned checkpoints and says so instead of ignoring the call
        UnsupportedOperationException unaligned = assertThrows(UnsupportedOperationException.class,
                () -> env.getCheckpointConfig().enableUnalignedCheckpoints());
        assertTrue(unaligned.getMessage().contains("not supported"));
        env.getCheckpointConfig().setCheckpointStorage("hdfs:///my/checkpoint/dir");
        Configuration config = new Configuration();
        config.set(ExecutionCheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, true);
        env.configure(config);

        Configuration c = env.getConfig();
        assertEquals("1000ms", c.getString("execution.checkpointing.interval"));
        assertEquals("EXACTLY_ONCE", c.getString("execution.checkpointing.mode"));
        assertEquals("2", c.getString("execution.checkpointing.tolerable-failed-checkpoints"));
        assertEquals("RETAIN_ON_CANCELLATION", c.getString("execution.checkpointing.externalized-checkpoint-retention"));
        assertEquals("hdfs:///my/checkpoint/dir", c.getString("state.checkpoints.dir"));
        CheckpointSettings s = CheckpointSettings.fromConfiguration(c);
        assertEquals(1000, s.intervalMillis());
        assertEquals(500, s.minPauseMillis());
        assertEquals(60000, s.timeoutMillis());
        assertEquals(1, s.maxConcurrent());
        assertTrue(s.checkpointsAfterTasksFinish());
    }

    @Test
    void checkpointingWithoutAStorageDirectoryIsRefusedNamingTheKey() {
        Configuration c = new Configuration();
        new CheckpointConfig(c).setCheckpointInterval(200);
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, () -> CheckpointSettings.fromConfiguration(c));
        assertTrue(e.getMessage().contains("state.checkpoints.dir"), e.getMessage());
        assertEquals(null, CheckpointSettings.fromConfiguration(new Configuration()), "no interval: checkpointing off");
    }
}
