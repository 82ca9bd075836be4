package dev.spindle.it.programs;

import java.lang.reflect.Field;

import dev.spindle.api.RestartStrategies;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.SinkFunction;

/**
 * A job whose operator touches native memory far beyond its TaskExecutor container, the way a
 * leaking native library would, so that the NodeManager kills the container for its physical
 * memory. Arguments: {@code <megabytes>}.
 */
public final class MemoryHogProgram {

    private MemoryHogProgram() {
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(1);
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromElements(Long.parseLong(args[0])).map(new Hog()).name("Hog").addSink(new Discard());
        env.execute("MemoryHog");
    }

    /** Allocates and writes the given number of MB outside the heap, then holds it. */
    public static final class Hog implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long megabytes) throws Exception {
            Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            f.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) f.get(null);
            for (long i = 0; i < megabytes; i++) {
                long address = unsafe.allocateMemory(1 << 20);
                for (int page = 0; page < (1 << 20); page += 4096) {
                    unsafe.putByte(address + page, (byte) 1); // touched pages count as resident memory
                }
            }
            // Held until the NodeManager's monitor kills the process (the test bounds the wait).
            Thread.sleep(60_000);
            return megabytes;
        }
    }

    /** Drops every record. */
    public static final class Discard implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Long value) {
        }
    }
}
