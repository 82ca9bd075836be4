package dev.spindle.configuration.memory;

import dev.spindle.configuration.ConfigOption;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import java.util.Locale;

/** Sizes and fractions as the memory model's error messages and JVM flags write them. */
final class MemoryFormat {

    static final long MIB = 1L << 20;

    private MemoryFormat() {
    }

    /** {@code 448m}, or {@code 102.4m} when not a whole number of MiB. */
    static String size(long bytes) {
        if (bytes % MIB == 0) {
            return (bytes / MIB) + "m";
        }
        return String.format(Locale.ROOT, "%.1fm", (double) bytes / MIB);
    }

    /** A size a user can put into the configuration: rounded up to whole MiB. */
    static String suggestion(long bytes) {
        return ((bytes + MIB - 1) / MIB) + "m";
    }

    static long roundUpToMib(long bytes) {
        return (bytes + MIB - 1) / MIB * MIB;
    }

    static double checkFraction(Configuration conf, ConfigOption<Double> option) {
        double fraction = conf.get(option);
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalConfigurationException("'" + option.key() + "' is " + fraction
                    + " but must be at least 0 and below 1, e.g. " + option.defaultValue() + ".");
        }
        return fraction;
    }

    static String kv(ConfigOption<?> option, long bytes) {
        return option.key() + "=" + size(bytes);
    }
}
