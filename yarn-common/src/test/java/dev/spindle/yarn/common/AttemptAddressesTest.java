package dev.spindle.yarn.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.runtime.rpc.RpcAddress;

class AttemptAddressesTest {

    @TempDir
    java.nio.file.Path tmp;

    private AttemptAddresses addresses() throws Exception {
        return new AttemptAddresses(FileSystem.getLocal(new Configuration()), new Path(tmp.toUri()));
    }

    @Test
    void nothingRecordedYetIsEmpty() throws Exception {
        assertEquals(Optional.empty(), addresses().newest());
    }

    @Test
    void theNewestAttemptWinsWhateverTheOrderOfTheFiles() throws Exception {
        AttemptAddresses a = addresses();
        a.record(2, new RpcAddress("node-b", 4711));
        a.record(1, new RpcAddress("node-a", 1234));
        a.record(10, new RpcAddress("node-c", 9));
        assertEquals(Optional.of(new RpcAddress("node-c", 9)), a.newest());
    }

    @Test
    void anAttemptIsNeverRecordedTwice() throws Exception {
        AttemptAddresses a = addresses();
        a.record(1, new RpcAddress("node-a", 1234));
        assertThrows(java.io.IOException.class, () -> a.record(1, new RpcAddress("elsewhere", 1)));
        assertEquals(Optional.of(new RpcAddress("node-a", 1234)), a.newest());
    }

    @Test
    void leftoverTemporaryAndForeignFilesAreIgnored() throws Exception {
        AttemptAddresses a = addresses();
        a.record(1, new RpcAddress("node-a", 1234));
        java.nio.file.Path dir = tmp.resolve(ContainerLayout.ATTEMPTS_DIR);
        Files.writeString(dir.resolve(".resource-manager-2.tmp"), "half");
        Files.writeString(dir.resolve("resource-manager-x"), "nonsense");
        assertEquals(Optional.of(new RpcAddress("node-a", 1234)), a.newest());
    }
}
