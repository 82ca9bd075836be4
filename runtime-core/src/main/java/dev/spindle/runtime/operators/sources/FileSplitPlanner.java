package dev.spindle.runtime.operators.sources;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Cuts the input files into byte-range splits and assigns them to parallel readers. Every reader
 * computes the same plan from the same listing, so no coordination is needed.
 */
public final class FileSplitPlanner {

    private final long minSplitSize;

    public FileSplitPlanner(long minSplitSize) {
        this.minSplitSize = Math.max(1, minSplitSize);
    }

    /** Non-hidden files under {@code path} (itself if a file), sorted by path. */
    public List<FileStatus> listFiles(FileSystem fs, Path path) throws IOException {
        FileStatus root;
        try {
            root = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("readTextFile: input path " + path + " does not exist; check the path "
                    + "(and its scheme, e.g. file:// or hdfs://)");
        }
        List<FileStatus> files = new ArrayList<>();
        collect(fs, root, files);
        files.sort(Comparator.comparing(s -> s.getPath().toString()));
        return files;
    }

    private void collect(FileSystem fs, FileStatus status, List<FileStatus> out) throws IOException {
        if (status.isFile()) {
            out.add(status);
            return;
        }
        for (FileStatus child : fs.listStatus(status.getPath())) {
            if (!isHidden(child.getPath())) {
                collect(fs, child, out);
            }
        }
    }

    static boolean isHidden(Path path) {
        String name = path.getName();
        return name.startsWith(".") || name.startsWith("_");
    }

    /** All splits, in a fixed order; split sizes aim at spreading the bytes evenly over the readers. */
    public List<FileSplit> plan(List<FileStatus> files, int readers) {
        long total = 0;
        for (FileStatus f : files) {
            total += f.getLen();
        }
        long splitSize = Math.max(minSplitSize, (total + readers - 1) / Math.max(1, readers));
        List<FileSplit> splits = new ArrayList<>();
        for (FileStatus f : files) {
            long len = f.getLen();
            if (len == 0) {
                continue;
            }
            for (long start = 0; start < len; start += splitSize) {
                splits.add(new FileSplit(f.getPath(), start, Math.min(len, start + splitSize)));
            }
        }
        return splits;
    }

    /** The splits reader {@code index} of {@code readers} reads: every readers-th, starting at its index. */
    public static List<FileSplit> assigned(List<FileSplit> splits, int index, int readers) {
        List<FileSplit> mine = new ArrayList<>();
        for (int i = index; i < splits.size(); i += readers) {
            mine.add(splits.get(i));
        }
        return mine;
    }
}
