package dev.spindle.configuration.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskExecutorProcessSpecTest {

    private static long mb(long m) {
        return m << 20;
    }

    private static TaskExecutorProcessSpec spec(String... keyValues) {
        Configuration conf = new Configuration();
        for (int i = 0; i < keyValues.length; i += 2) {
            conf.setString(keyValues[i], keyValues[i + 1]);
        }
        return TaskExecutorProcessSpec.fromConfiguration(conf);
    }

    private static void assertAddsUp(TaskExecutorProcessSpec s) {
        assertEquals(s.getTotalProcessMemory().getBytes(),
                s.getFrameworkHeap().getBytes() + s.getTaskHeap().getBytes() + s.getFrameworkOffHeap().getBytes()
                        + s.getTaskOffHeap().getBytes() + s.getNetworkMemory().getBytes()
                        + s.getManagedMemory().getBytes() + s.getJvmMetaspace().getBytes()
                        + s.getJvmOverhead().getBytes());
    }

    @Test
    void defaultsSplitOneGigabyte() {
        TaskExecutorProcessSpec s = spec();
        assertEquals(mb(1024), s.getTotalProcessMemory().getBytes());
        assertEquals(mb(128), s.getJvmOverhead().getBytes());
        assertEquals(mb(160), s.getJvmMetaspace().getBytes());
        long spindleMemory = mb(1024 - 128 - 160);
        assertEquals((long) (spindleMemory * 0.1), s.getNetworkMemory().getBytes());
        assertEquals((long) (spindleMemory * 0.25), s.getManagedMemory().getBytes());
        assertEquals(mb(128), s.getFrameworkHeap().getBytes());
        assertTrue(s.getTaskHeap().getBytes() > mb(250), s.toString());
        assertAddsUp(s);
    }

    @Test
    void jvmArgsUseHeapAndDirectMemory() {
        TaskExecutorProcessSpec s = spec("taskmanager.memory.process.size", "2g");
        long heap = s.getFrameworkHeap().getBytes() + s.getTaskHeap().getBytes();
        long direct = s.getFrameworkOffHeap().getBytes() + s.getTaskOffHeap().getBytes() + s.getNetworkMemory().getBytes();
        assertEquals(heap, s.getJvmHeap().getBytes());
        assertEquals(List.of("-Xmx" + heap, "-Xms" + heap, "-XX:MaxMetaspaceSize=" + mb(160),
                "-XX:MaxDirectMemorySize=" + direct), s.jvmArgs());
    }

    @Test
    void networkClampedToMinOnSmallProcessAndMaxOnLargeProcess() {
        TaskExecutorProcessSpec small = spec("taskmanager.memory.process.size", "768m");
        assertEquals(mb(64), small.getNetworkMemory().getBytes());
        assertAddsUp(small);
        TaskExecutorProcessSpec large = spec("taskmanager.memory.process.size", "32g", "taskmanager.memory.network.max",
                "256m");
        assertEquals(mb(256), large.getNetworkMemory().getBytes());
        assertAddsUp(large);
    }

    @Test
    void managedSizeOverridesFraction() {
        TaskExecutorProcessSpec s = spec("taskmanager.memory.managed.size", "100m");
        assertEquals(mb(100), s.getManagedMemory().getBytes());
        assertAddsUp(s);
    }

    @Test
    void tooSmallProcessFailsWithAWorkingSize() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("taskmanager.memory.process.size", "512m"));
        String m = e.getMessage();
        assertTrue(m.contains("taskmanager.memory.process.size"), m);
        assertTrue(m.contains("taskmanager.memory.jvm-metaspace.size=160m"), m);
        String suggested = m.replaceAll("(?s).*at least (\\d+m).*", "$1");
        // the suggested size really works and gives at least the minimum task heap
        TaskExecutorProcessSpec fixed = spec("taskmanager.memory.process.size", suggested);
        assertTrue(fixed.getTaskHeap().getBytes() >= TaskExecutorProcessSpec.MIN_TASK_HEAP.getBytes(), fixed.toString());
        TaskExecutorProcessSpec oneLess = null;
        try {
            oneLess = spec("taskmanager.memory.process.size", (Long.parseLong(suggested.replace("m", "")) - 1) + "m");
        } catch (IllegalConfigurationException expected) {
            // the suggestion is the smallest whole-MiB size that works
        }
        assertEquals(null, oneLess, "suggestion " + suggested + " is not minimal");
    }

    @Test
    void taskHeapDerivesProcessSizeAndRoundTrips() {
        TaskExecutorProcessSpec s = spec("taskmanager.memory.task.heap.size", "512m");
        assertEquals(mb(512), s.getTaskHeap().getBytes());
        assertEquals(0, s.getTotalProcessMemory().getBytes() % mb(1));
        assertAddsUp(s);
        TaskExecutorProcessSpec back = spec("taskmanager.memory.process.size",
                s.getTotalProcessMemory().getMebiBytes() + "m");
        assertTrue(Math.abs(back.getTaskHeap().getBytes() - mb(512)) < mb(2), back + " vs " + s);
    }

    @Test
    void taskHeapWithClampedNetwork() {
        TaskExecutorProcessSpec s = spec("taskmanager.memory.task.heap.size", "64m");
        assertEquals(mb(64), s.getNetworkMemory().getBytes(), "small process: network at its minimum");
        assertAddsUp(s);
    }

    @Test
    void taskHeapAndProcessSize() {
        TaskExecutorProcessSpec needed = spec("taskmanager.memory.task.heap.size", "256m");
        long neededMb = needed.getTotalProcessMemory().getMebiBytes();
        TaskExecutorProcessSpec fits = spec("taskmanager.memory.task.heap.size", "256m",
                "taskmanager.memory.process.size", (neededMb + 50) + "m");
        assertEquals(mb(256), fits.getTaskHeap().getBytes());
        assertEquals(mb(neededMb + 50), fits.getTotalProcessMemory().getBytes());
        assertAddsUp(fits);
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("taskmanager.memory.task.heap.size", "256m", "taskmanager.memory.process.size",
                        (neededMb - 100) + "m"));
        assertTrue(e.getMessage().contains("at least " + neededMb + "m"), e.getMessage());
    }

    @Test
    void fractionsThatLeaveNoHeapFail() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("taskmanager.memory.managed.fraction", "0.7", "taskmanager.memory.network.fraction", "0.4"));
        assertTrue(e.getMessage().contains("taskmanager.memory.managed.fraction"), e.getMessage());
        assertTrue(e.getMessage().contains("taskmanager.memory.network.fraction"), e.getMessage());
    }

    @Test
    void networkMinAboveMaxFails() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("taskmanager.memory.network.min", "2g"));
        assertTrue(e.getMessage().contains("taskmanager.memory.network.min"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 2048m"), e.getMessage());
    }

    @Test
    void managedFractionOutOfRangeFails() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("taskmanager.memory.managed.fraction", "1"));
        assertTrue(e.getMessage().contains("'taskmanager.memory.managed.fraction' is 1.0"), e.getMessage());
    }
}
