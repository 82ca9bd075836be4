package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log files of a process's log directory: listed, read as bounded tails, nothing outside the directory. */
class LogFilesTest {

    @TempDir
    Path tmp;

    @Test
    void listsTheDirectoryOfTheMainLogAndReadsSmallFilesWhole() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("container_1"));
        Files.writeString(dir.resolve("jobmanager.log"), "line 1\nline 2\n");
        Files.writeString(dir.resolve("jobmanager.out"), "printed\n");
        Files.writeString(dir.resolve("jobmanager.err"), "");
        Files.createDirectories(dir.resolve("subdir"));
        LogFiles logs = new LogFiles(dir.resolve("jobmanager.log"), 1024);

        assertEquals("jobmanager.log", logs.mainLogName());
        List<LogFiles.Entry> files = logs.list();
        assertEquals(List.of("jobmanager.err", "jobmanager.log", "jobmanager.out"), files.stream().map(LogFiles.Entry::name).toList());
        assertEquals(14, files.get(1).sizeBytes());

        LogFiles.Tail out = logs.tail("jobmanager.out");
        assertEquals(0, out.offset());
        assertEquals(8, out.sizeBytes());
        assertEquals("printed\n", new String(out.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aLargeFileGivesOnlyItsLastBytesFromTheNextWholeLine() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("log line number ").append(i).append('\n');
        }
        Path log = tmp.resolve("taskmanager.log");
        Files.writeString(log, text);
        LogFiles.Tail tail = new LogFiles(log, 100).tail("taskmanager.log");
        String shown = new String(tail.bytes(), StandardCharsets.UTF_8);
        assertTrue(tail.bytes().length <= 100, shown);
        assertTrue(shown.startsWith("log line number ") && shown.endsWith("log line number 999\n"), shown);
        assertEquals(Files.size(log), tail.sizeBytes());
        assertEquals(tail.sizeBytes() - tail.bytes().length, tail.offset());
        byte[] all = Files.readAllBytes(log);
        assertArrayEquals(java.util.Arrays.copyOfRange(all, (int) tail.offset(), all.length), tail.bytes());
    }

    @Test
    void namesOutsideTheDirectoryAreRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(dir.resolve("jobmanager.log"), "x\n");
        Files.writeString(tmp.resolve("secret.txt"), "not a log\n");
        Files.createSymbolicLink(dir.resolve("link.log"), tmp.resolve("secret.txt"));
        LogFiles logs = new LogFiles(dir.resolve("jobmanager.log"), 1024);
        for (String name : new String[] {"../secret.txt", "..", "/etc/passwd", "link.log", "missing.log", ".hidden", "a/b"}) {
            RestError e = assertThrows(RestError.class, () -> logs.tail(name), name);
            assertEquals(404, e.status, name);
        }
        assertEquals(List.of("jobmanager.log"), logs.list().stream().map(LogFiles.Entry::name).toList(), "links are not listed");
    }

    @Test
    void aProcessWithoutALogFileSaysSo() {
        RestError unset = assertThrows(RestError.class, () -> new LogFiles(null, 1024).list());
        assertEquals(404, unset.status);
        assertTrue(unset.getMessage().contains("log.file is unset"), unset.getMessage());
        RestError missing = assertThrows(RestError.class, () -> new LogFiles(tmp.resolve("gone.log"), 1024).mainLogName());
        assertTrue(missing.getMessage().contains("gone.log"), missing.getMessage());
    }
}
