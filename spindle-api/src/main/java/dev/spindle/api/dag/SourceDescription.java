package dev.spindle.api.dag;

import dev.spindle.api.functions.GeneratorFunction;
import dev.spindle.api.functions.SourceFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a source reads, as the program states it. The runtime picks the source implementation for
 * each kind, so the API names what to read without constructing how it is read.
 */
public sealed interface SourceDescription<T> extends Serializable {

    /** The lines of a file, or of the non-hidden files of a directory, on any Hadoop FileSystem. */
    record TextFile(String path) implements SourceDescription<String> {
        public TextFile {
            // Checked while the program is built, so the error points at readTextFile, not at execute().
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("readTextFile needs a path");
            }
        }
    }

    /** Lines read from a TCP socket until the other side closes it. */
    record Socket(String host, int port) implements SourceDescription<String> {
    }

    /** The numbers {@code from..to}, inclusive. */
    record Sequence(long from, long to) implements SourceDescription<Long> {
    }

    /** {@code generator(i)} for {@code i} in {@code 0..count-1}; a negative count never ends. */
    record Generator<T>(long count, GeneratorFunction<T> generator) implements SourceDescription<T> {
        public Generator {
            Objects.requireNonNull(generator, "generator function");
        }
    }

    /** Elements captured when the program is built (later changes to the collection do not count). */
    record Elements<T>(List<T> elements) implements SourceDescription<T> {
        public Elements {
            elements = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(elements, "elements")));
        }

        /** The elements of {@code elements}, copied now. */
        public static <T> Elements<T> of(Collection<T> elements) {
            return new Elements<>(new ArrayList<>(Objects.requireNonNull(elements, "elements")));
        }
    }

    /** A source written by the user. */
    record UserFunction<T>(SourceFunction<T> function) implements SourceDescription<T> {
        public UserFunction {
            Objects.requireNonNull(function, "source function");
        }
    }
}
