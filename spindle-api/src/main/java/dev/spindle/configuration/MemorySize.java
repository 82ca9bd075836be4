package dev.spindle.configuration;

import java.io.Serializable;
import java.util.Locale;

/**
 * An amount of memory in bytes, parsed from text with a unit: {@code 512m}, {@code 1.5g},
 * {@code 1024 mb}, {@code 64k}, {@code 1073741824} (bytes when no unit is given).
 */
public final class MemorySize implements Serializable, Comparable<MemorySize> {

    private static final long serialVersionUID = 1L;

    public static final MemorySize ZERO = new MemorySize(0);

    private final long bytes;

    public MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("memory size must not be negative: " + bytes);
        }
        this.bytes = bytes;
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(Math.multiplyExact(mebiBytes, 1024L * 1024));
    }

    public static MemorySize ofBytes(long bytes) {
        return new MemorySize(bytes);
    }

    /** Parses text where a bare number means bytes. */
    public static MemorySize parse(String text) {
        return parse(text, Unit.BYTES);
    }

    /**
     * Parses text where a bare number means {@code defaultUnit} (the CLI's {@code -jm 1024}
     * means MB).
     */
    public static MemorySize parse(String text, Unit defaultUnit) {
        if (text == null) {
            throw new IllegalArgumentException("memory size is null");
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("memory size is empty");
        }
        int pos = 0;
        while (pos < trimmed.length() && (Character.isDigit(trimmed.charAt(pos)) || trimmed.charAt(pos) == '.')) {
            pos++;
        }
        String number = trimmed.substring(0, pos);
        String unitText = trimmed.substring(pos).trim();
        if (number.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a memory size: it must start with a number, e.g. 1024m or 2g");
        }
        Unit unit = unitText.isEmpty() ? defaultUnit : Unit.fromSuffix(unitText, text);
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a memory size: bad number '" + number + "'");
        }
        double result = value * unit.multiplier;
        if (result > Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large a memory size");
        }
        return new MemorySize((long) result);
    }

    public long getBytes() {
        return bytes;
    }

    public long getKibiBytes() {
        return bytes >> 10;
    }

    public long getMebiBytes() {
        return bytes >> 20;
    }

    public MemorySize add(MemorySize other) {
        return new MemorySize(Math.addExact(bytes, other.bytes));
    }

    public MemorySize subtract(MemorySize other) {
        return new MemorySize(bytes - other.bytes);
    }

    public MemorySize multiply(double factor) {
        return new MemorySize((long) (bytes * factor));
    }

    /** Text that {@link #parse} reads back: the largest unit that divides evenly. */
    public String toConfigString() {
        if (bytes == 0) {
            return "0b";
        }
        for (Unit unit : new Unit[] {Unit.TERA, Unit.GIGA, Unit.MEGA, Unit.KILO}) {
            if (bytes % unit.multiplier == 0) {
                return (bytes / unit.multiplier) + unit.suffixes[0];
            }
        }
        return bytes + "b";
    }

    /** Human-readable, e.g. {@code 1.5 gb (1610612736 bytes)}. */
    public String toHumanReadableString() {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        Unit unit = bytes >= Unit.GIGA.multiplier ? Unit.GIGA : bytes >= Unit.MEGA.multiplier ? Unit.MEGA : Unit.KILO;
        double v = (double) bytes / unit.multiplier;
        String num = v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v);
        return num + " " + unit.suffixes[1] + " (" + bytes + " bytes)";
    }

    @Override
    public int compareTo(MemorySize o) {
        return Long.compare(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemorySize other && other.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toConfigString();
    }

    /** Units with their accepted suffixes (first one is canonical). */
    public enum Unit {
        BYTES(1L, "b", "bytes", "byte"),
        KILO(1L << 10, "k", "kb", "kibibytes", "kib"),
        MEGA(1L << 20, "m", "mb", "mebibytes", "mib"),
        GIGA(1L << 30, "g", "gb", "gibibytes", "gib"),
        TERA(1L << 40, "t", "tb", "tebibytes", "tib");

        private final long multiplier;
        private final String[] suffixes;

        Unit(long multiplier, String... suffixes) {
            this.multiplier = multiplier;
            this.suffixes = suffixes;
        }

        static Unit fromSuffix(String suffix, String original) {
            for (Unit unit : values()) {
                for (String s : unit.suffixes) {
                    if (s.equals(suffix)) {
                        return unit;
                    }
                }
            }
            throw new IllegalArgumentException("'" + original + "' has an unknown memory unit '" + suffix
                    + "'; use one of b, k/kb, m/mb, g/gb, t/tb");
        }
    }
}
