package dev.spindle.api.dag;

import dev.spindle.api.WriteMode;
import dev.spindle.api.functions.SinkFunction;
import java.io.Serializable;
import java.util.Objects;

/** Where a sink puts the records of its input; the runtime picks the sink implementation for each kind. */
public sealed interface SinkDescription<T> extends Serializable {

    /** Each record printed to the stdout of the task running the sink. */
    record Print<T>() implements SinkDescription<T> {
    }

    /** Each record's text written into {@code directory/part-<subtask>}. */
    record TextFile<T>(String directory, WriteMode writeMode) implements SinkDescription<T> {
        public TextFile {
            // Checked while the program is built, so the error points at writeAsText, not at execute().
            if (directory == null || directory.isBlank()) {
                throw new IllegalArgumentException("writeAsText needs an output path");
            }
            writeMode = writeMode == null ? WriteMode.NO_OVERWRITE : writeMode;
        }
    }

    /** A sink written by the user. */
    record UserFunction<T>(SinkFunction<T> function) implements SinkDescription<T> {
        public UserFunction {
            Objects.requireNonNull(function, "sink function");
        }
    }
}
