package dev.spindle.configuration.memory;

import dev.spindle.configuration.ConfigOption;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.configuration.MemorySize;

/**
 * A memory component sized as a fraction of a total and clamped to [min, max] (JVM overhead,
 * network memory), read from its three keys and checked for consistency.
 */
final class BoundedFraction {

    final double fraction;
    final long min;
    final long max;
    final String fractionKey;
    final String minKey;
    final String maxKey;

    private BoundedFraction(double fraction, long min, long max, String fractionKey, String minKey, String maxKey) {
        this.fraction = fraction;
        this.min = min;
        this.max = max;
        this.fractionKey = fractionKey;
        this.minKey = minKey;
        this.maxKey = maxKey;
    }

    static BoundedFraction read(Configuration conf, ConfigOption<Double> fractionOption,
            ConfigOption<MemorySize> minOption, ConfigOption<MemorySize> maxOption) {
        double fraction = MemoryFormat.checkFraction(conf, fractionOption);
        long min = conf.get(minOption).getBytes();
        long max = conf.get(maxOption).getBytes();
        if (min > max) {
            throw new IllegalConfigurationException("'" + minOption.key() + "' (" + MemoryFormat.size(min)
                    + ") is larger than '" + maxOption.key() + "' (" + MemoryFormat.size(max) + "). Set "
                    + minOption.key() + " to at most " + MemoryFormat.size(max) + " or " + maxOption.key()
                    + " to at least " + MemoryFormat.size(min) + ".");
        }
        return new BoundedFraction(fraction, min, max, fractionKey(fractionOption), minOption.key(), maxOption.key());
    }

    private static String fractionKey(ConfigOption<Double> option) {
        return option.key();
    }

    /** The part of {@code total} this component takes. */
    long ofTotal(long total) {
        return clamp((long) (total * fraction));
    }

    /**
     * The size of this component when everything else ({@code rest}) is known and the total is
     * {@code rest + part}: the inverse of {@link #ofTotal}.
     */
    long forRest(long rest) {
        long unclamped = (long) Math.ceil(rest * fraction / (1 - fraction));
        return clamp(unclamped);
    }

    boolean inRange(long size) {
        return size >= min && size <= max;
    }

    String describe() {
        return fractionKey + "=" + fraction + ", " + minKey + "=" + MemoryFormat.size(min) + ", " + maxKey + "="
                + MemoryFormat.size(max);
    }

    private long clamp(long value) {
        return Math.max(min, Math.min(max, value));
    }
}
