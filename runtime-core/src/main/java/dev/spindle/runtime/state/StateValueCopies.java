package dev.spindle.runtime.state;

import dev.spindle.runtime.serialization.JavaSerialization;
import java.io.IOException;

/**
 * Copies a stored value before a user function may change it in place (a reduce function adding to
 * its first argument, an aggregate function's {@code add} changing the accumulator): the snapshot of
 * a checkpoint shares the stored values and is written later, so they must never change after
 * being stored. Immutable JDK types are passed through.
 */
final class StateValueCopies {

    private StateValueCopies() {
    }

    @SuppressWarnings("unchecked")
    static <T> T copyForUpdate(T value, ClassLoader userClassLoader) {
        if (value == null || value instanceof String || value instanceof Number && value.getClass().getName().startsWith("java.lang.")
                || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>) {
            return value;
        }
        try {
            return (T) JavaSerialization.fromBytes(JavaSerialization.toBytes(value), userClassLoader);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("A state value of type " + value.getClass().getName() + " could not be copied: " + e, e);
        }
    }
}
