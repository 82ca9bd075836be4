package dev.spindle.yarn.te;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.runtime.rpc.RpcAddress;
import dev.spindle.yarn.common.AttemptAddresses;

class StagingDirLocatorTest {

    @TempDir
    Path staging;

    @Test
    void findsTheAddressANewerAttemptRecordedAfterTheLocatorOpened() throws Exception {
        StagingDirLocator locator = StagingDirLocator.openInBackground(staging.toUri().toString());
        assertEquals(Optional.empty(), locator.current());
        new AttemptAddresses(FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(staging.toUri()))
                .record(2, new RpcAddress("node-b", 4711));
        assertEquals(Optional.of(new RpcAddress("node-b", 4711)), locator.current());
    }

    @Test
    void aFileSystemThatCannotBeOpenedFailsTheLookupNotTheStart() {
        StagingDirLocator locator = StagingDirLocator.openInBackground("nosuchscheme://nowhere/staging");
        // tried again on every lookup, each failing as the TaskExecutor's heartbeat expects: with an IOException
        assertThrows(IOException.class, locator::current);
        assertThrows(IOException.class, locator::current);
    }
}
