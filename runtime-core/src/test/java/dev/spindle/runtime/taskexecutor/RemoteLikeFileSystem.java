package dev.spindle.runtime.taskexecutor;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop file system under the scheme {@code testremote:} backed by local files: lets tests take
 * the path remote jars (hdfs:) take, and count how often a file is read.
 */
public class RemoteLikeFileSystem extends RawLocalFileSystem {

    static final AtomicInteger OPENS = new AtomicInteger();

    @Override
    public URI getUri() {
        return URI.create("testremote:///");
    }

    @Override
    public String getScheme() {
        return "testremote";
    }

    @Override
    protected void checkPath(Path path) {
    }

    @Override
    public File pathToFile(Path path) {
        return new File(path.toUri().getPath());
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        OPENS.incrementAndGet();
        return super.open(f, bufferSize);
    }
}
