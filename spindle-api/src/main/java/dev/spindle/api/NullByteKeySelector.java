package dev.spindle.api;

import dev.spindle.api.functions.KeySelector;

/** The one key of a non-keyed stream's windows ({@code windowAll}): every record belongs to it. */
final class NullByteKeySelector<T> implements KeySelector<T, Byte> {

    private static final long serialVersionUID = 1L;

    static final Byte KEY = 0;

    @Override
    public Byte getKey(T value) {
        return KEY;
    }
}
