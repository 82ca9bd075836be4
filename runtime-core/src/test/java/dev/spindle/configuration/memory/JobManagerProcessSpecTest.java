package dev.spindle.configuration.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.configuration.MemorySize;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobManagerProcessSpecTest {

    private static long mb(long m) {
        return m << 20;
    }

    private static JobManagerProcessSpec spec(String... keyValues) {
        Configuration conf = new Configuration();
        for (int i = 0; i < keyValues.length; i += 2) {
            conf.setString(keyValues[i], keyValues[i + 1]);
        }
        return JobManagerProcessSpec.fromConfiguration(conf);
    }

    private static void assertAddsUp(JobManagerProcessSpec s) {
        assertEquals(s.getTotalProcessMemory().getBytes(), s.getJvmHeap().getBytes() + s.getOffHeap().getBytes()
                + s.getJvmMetaspace().getBytes() + s.getJvmOverhead().getBytes());
    }

    @Test
    void defaultsSplitOneGigabyte() {
        JobManagerProcessSpec s = spec();
        assertEquals(mb(1024), s.getTotalProcessMemory().getBytes());
        assertEquals(mb(128), s.getJvmOverhead().getBytes(), "10% of 1g is below the 128m minimum");
        assertEquals(mb(160), s.getJvmMetaspace().getBytes());
        assertEquals(mb(128), s.getOffHeap().getBytes());
        assertEquals(mb(1024 - 128 - 160 - 128), s.getJvmHeap().getBytes());
        assertAddsUp(s);
    }

    @Test
    void jvmArgsCarryTheSplit() {
        JobManagerProcessSpec s = spec("jobmanager.memory.process.size", "2g");
        long heap = s.getJvmHeap().getBytes();
        assertEquals(List.of("-Xmx" + heap, "-Xms" + heap, "-XX:MaxMetaspaceSize=" + mb(160),
                "-XX:MaxDirectMemorySize=" + mb(128)), s.jvmArgs());
    }

    @Test
    void overheadFollowsFractionBetweenBounds() {
        JobManagerProcessSpec s = spec("jobmanager.memory.process.size", "4g");
        assertEquals((long) (mb(4096) * 0.1), s.getJvmOverhead().getBytes());
        assertAddsUp(s);
    }

    @Test
    void overheadClampedToMax() {
        JobManagerProcessSpec s = spec("jobmanager.memory.process.size", "4g", "jobmanager.memory.jvm-overhead.max",
                "300m");
        assertEquals(mb(300), s.getJvmOverhead().getBytes());
        assertAddsUp(s);
    }

    @Test
    void exactFitGivesMinimumHeap() {
        // 128 heap + 128 off-heap + 160 metaspace + 128 overhead
        JobManagerProcessSpec s = spec("jobmanager.memory.process.size", "544m");
        assertEquals(mb(128), s.getJvmHeap().getBytes());
    }

    @Test
    void oneMegabyteTooSmallFailsNamingKeysAndAWorkingValue() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("jobmanager.memory.process.size", "543m"));
        assertTrue(e.getMessage().contains("jobmanager.memory.process.size"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 544m"), e.getMessage());
        assertTrue(e.getMessage().contains("jobmanager.memory.jvm-metaspace.size=160m"), e.getMessage());
    }

    @Test
    void tinyProcessSizeFails() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("jobmanager.memory.process.size", "64m"));
        assertTrue(e.getMessage().contains("at least 544m"), e.getMessage());
    }

    @Test
    void heapDerivesProcessSize() {
        JobManagerProcessSpec s = spec("jobmanager.memory.heap.size", "1g");
        assertEquals(mb(1024), s.getJvmHeap().getBytes());
        // rest = 1024 + 128 + 160 = 1312m; overhead = 1312/9 = 145.8m → total rounded to 1458m
        assertEquals(mb(1458), s.getTotalProcessMemory().getBytes());
        assertAddsUp(s);
        // the derived process size gives back the same heap
        JobManagerProcessSpec back = spec("jobmanager.memory.process.size", "1458m");
        assertTrue(Math.abs(back.getJvmHeap().getBytes() - mb(1024)) < mb(1));
    }

    @Test
    void heapAndProcessSizeThatFitPutSlackIntoOverhead() {
        JobManagerProcessSpec s = spec("jobmanager.memory.heap.size", "512m", "jobmanager.memory.process.size", "1g");
        assertEquals(mb(512), s.getJvmHeap().getBytes());
        assertEquals(mb(1024), s.getTotalProcessMemory().getBytes());
        assertEquals(mb(1024 - 512 - 128 - 160), s.getJvmOverhead().getBytes());
    }

    @Test
    void heapLargerThanProcessSizeFails() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("jobmanager.memory.heap.size", "1g", "jobmanager.memory.process.size", "1g"));
        assertTrue(e.getMessage().contains("jobmanager.memory.heap.size"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 1458m"), e.getMessage());
    }

    @Test
    void heapBelowMinimumFails() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("jobmanager.memory.heap.size", "64m"));
        assertTrue(e.getMessage().contains("at least 128m"), e.getMessage());
    }

    @Test
    void fractionOutOfRangeFails() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("jobmanager.memory.jvm-overhead.fraction", "1.2"));
        assertTrue(e.getMessage().contains("jobmanager.memory.jvm-overhead.fraction"), e.getMessage());
        assertTrue(e.getMessage().contains("below 1"), e.getMessage());
        assertThrows(IllegalConfigurationException.class, () -> spec("jobmanager.memory.jvm-overhead.fraction", "-0.1"));
    }

    @Test
    void minAboveMaxFails() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("jobmanager.memory.jvm-overhead.min", "512m", "jobmanager.memory.jvm-overhead.max", "256m"));
        assertTrue(e.getMessage().contains("jobmanager.memory.jvm-overhead.min"), e.getMessage());
        assertTrue(e.getMessage().contains("jobmanager.memory.jvm-overhead.max"), e.getMessage());
    }

    @Test
    void illTypedSizeNamesKeyAndValue() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> spec("jobmanager.memory.process.size", "lots"));
        assertTrue(e.getMessage().contains("jobmanager.memory.process.size"), e.getMessage());
        assertTrue(e.getMessage().contains("'lots'"), e.getMessage());
    }

    @Test
    void zeroOverheadFractionUsesMinimum() {
        JobManagerProcessSpec s = spec("jobmanager.memory.jvm-overhead.fraction", "0",
                "jobmanager.memory.process.size", "8g");
        assertEquals(MemorySize.parse("128m").getBytes(), s.getJvmOverhead().getBytes());
    }
}
