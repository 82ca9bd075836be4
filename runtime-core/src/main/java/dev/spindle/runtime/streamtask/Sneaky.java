package dev.spindle.runtime.streamtask;

/** Rethrows checked exceptions through {@code Collector.collect}, which cannot declare them, without wrapping. */
final class Sneaky {

    private Sneaky() {
    }

    static RuntimeException rethrow(Throwable t) {
        throw Sneaky.<RuntimeException>doThrow(t);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E doThrow(Throwable t) throws E {
        throw (E) t;
    }
}
