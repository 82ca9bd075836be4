package dev.spindle.configuration;

import java.time.Duration;
import java.util.Locale;

/** Parses durations like {@code 500ms}, {@code 10 s}, {@code 5min}, {@code 1h}, {@code 2d}; a bare number is milliseconds. */
final class DurationParser {

    private DurationParser() {
    }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int pos = 0;
        while (pos < t.length() && Character.isDigit(t.charAt(pos))) {
            pos++;
        }
        if (pos == 0) {
            throw new IllegalArgumentException("'" + text + "' does not start with a number");
        }
        long value = Long.parseLong(t.substring(0, pos));
        String unit = t.substring(pos).trim();
        switch (unit) {
            case "":
            case "ms":
            case "milli":
            case "millis":
            case "millisecond":
            case "milliseconds":
                return Duration.ofMillis(value);
            case "s":
            case "sec":
            case "secs":
            case "second":
            case "seconds":
                return Duration.ofSeconds(value);
            case "m":
            case "min":
            case "mins":
            case "minute":
            case "minutes":
                return Duration.ofMinutes(value);
            case "h":
            case "hour":
            case "hours":
                return Duration.ofHours(value);
            case "d":
            case "day":
            case "days":
                return Duration.ofDays(value);
            default:
                throw new IllegalArgumentException("unknown time unit '" + unit + "'; use ms, s, min, h or d");
        }
    }
}
