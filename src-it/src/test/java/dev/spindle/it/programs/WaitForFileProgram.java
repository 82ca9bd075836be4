package dev.spindle.it.programs;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Keeps the application running until the file named by its argument exists (at most 90 s), so
 * that a test can look at a running application.
 */
public final class WaitForFileProgram {

    private WaitForFileProgram() {
    }

    public static void main(String[] args) throws Exception {
        Path release = new Path(args[0]);
        FileSystem fs = release.getFileSystem(new Configuration());
        long deadline = System.currentTimeMillis() + 90_000;
        while (!fs.exists(release)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("release file " + release + " did not appear within 90 s");
            }
            Thread.sleep(100); // another process creates the file; HDFS has no cheap notification
        }
    }
}
