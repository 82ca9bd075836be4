package dev.spindle.runtime.operators.sources;

import org.apache.hadoop.fs.Path;

/** The byte range {@code [start, end)} of one file; it reads the lines that begin inside the range. */
public record FileSplit(Path path, long start, long end) {
}
