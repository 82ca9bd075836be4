package dev.spindle.runtime.state;

import java.io.Serializable;

/** A state value (or a list element, or a map value) with the time its time-to-live last restarted. */
record TtlValue<T>(T userValue, long lastAccessTimestamp) implements Serializable {
}
