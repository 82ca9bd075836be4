package dev.spindle.yarn.client.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingSweeperTest {

    private static final long NOW = 10_000_000_000L;
    private static final Duration MIN_AGE = Duration.ofHours(1);

    @TempDir
    java.nio.file.Path tmp;

    private FileSystem fs;
    private Path root;
    private final Map<ApplicationId, YarnApplicationState> known = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        fs = FileSystem.getLocal(new org.apache.hadoop.conf.Configuration(false));
        root = new Path(tmp.toUri().toString(), ".spindle");
        fs.mkdirs(root);
    }

    @Test
    void removesOnlyDirsOfApplicationsTheResourceManagerReportsEnded() throws IOException {
        Path finished = stagingDir(app(1), YarnApplicationState.FINISHED, NOW);
        Path killed = stagingDir(app(2), YarnApplicationState.KILLED, NOW);
        Path failed = stagingDir(app(3), YarnApplicationState.FAILED, NOW);
        Path running = stagingDir(app(4), YarnApplicationState.RUNNING, NOW - Duration.ofDays(3).toMillis());
        Path accepted = stagingDir(app(5), YarnApplicationState.ACCEPTED, NOW - Duration.ofDays(3).toMillis());

        List<Path> removed = sweeper().sweep(root);

        assertEquals(3, removed.size(), removed.toString());
        assertFalse(fs.exists(finished));
        assertFalse(fs.exists(killed));
        assertFalse(fs.exists(failed));
        assertTrue(fs.exists(running), "a live application's dir stays, however old");
        assertTrue(fs.exists(accepted), "a live application's dir stays, however old");
    }

    @Test
    void unknownApplicationsDirIsKeptWhileRecentAndRemovedOnceOld() throws IOException {
        // A client still uploading (not submitted yet) or another ResourceManager's application.
        Path uploading = stagingDir(app(6), null, NOW - Duration.ofMinutes(5).toMillis());
        Path abandoned = stagingDir(app(7), null, NOW - Duration.ofHours(2).toMillis());
        // Old dir, but a file in it was written just now: still in use.
        Path oldDirRecentFile = stagingDir(app(8), null, NOW - Duration.ofHours(2).toMillis());
        Path fresh = new Path(oldDirRecentFile, "usrlib/job.jar");
        fs.create(fresh).close();
        fs.setTimes(fresh, NOW - 1_000, -1);

        List<Path> removed = sweeper().sweep(root);

        assertEquals(List.of(fs.makeQualified(abandoned)), removed.stream().map(fs::makeQualified).toList());
        assertTrue(fs.exists(uploading));
        assertTrue(fs.exists(oldDirRecentFile));
    }

    @Test
    void theDirOfTheApplicationBeingDeployedIsNeverSweptEvenWithNoMinimumAge() throws IOException {
        // The deployment sweeps while it stages: its application is unknown to the ResourceManager until it submits.
        Path deploying = stagingDir(app(9), null, NOW - Duration.ofHours(2).toMillis());
        Path abandoned = stagingDir(app(10), null, NOW - Duration.ofHours(2).toMillis());

        List<Path> removed = new StagingSweeper(id -> Optional.ofNullable(known.get(id)), fs, Duration.ZERO, () -> NOW)
                .sweep(root, app(9));

        assertEquals(List.of(fs.makeQualified(abandoned)), removed.stream().map(fs::makeQualified).toList());
        assertTrue(fs.exists(deploying));
    }

    @Test
    void abandonedJarCacheUploadsAreRemovedAfterTheMinimumAgeOnly() throws IOException {
        // The cache is per user (cache/<user>/<digest>/); the sweeper looks only at the caller's part.
        Path entry = new Path(root, FrameworkJarCache.DIR_NAME + "/"
                + org.apache.hadoop.security.UserGroupInformation.getCurrentUser().getShortUserName() + "/0123456789abcdef01234567");
        fs.mkdirs(entry);
        Path jar = file(new Path(entry, "spindle-runtime.jar"), NOW - Duration.ofDays(1).toMillis());
        Path oldUpload = file(new Path(entry, ".spindle-runtime.jar.123.tmp"), NOW - Duration.ofHours(2).toMillis());
        Path liveUpload = file(new Path(entry, ".spindle-runtime.jar.456.tmp"), NOW - Duration.ofMinutes(1).toMillis());

        List<Path> removed = sweeper().sweep(root);

        assertEquals(1, removed.size(), removed.toString());
        assertFalse(fs.exists(oldUpload));
        assertTrue(fs.exists(liveUpload), "another client may still be uploading it");
        assertTrue(fs.exists(jar), "complete cache entries are kept");
    }

    @Test
    void dirsThatAreNoApplicationIdAreLeftAlone() throws IOException {
        Path other = new Path(root, "not-an-app");
        fs.mkdirs(other);
        fs.setTimes(other, 0, -1);
        assertTrue(sweeper().sweep(root).isEmpty());
        assertTrue(fs.exists(other));
    }

    private StagingSweeper sweeper() {
        return new StagingSweeper(appId -> Optional.ofNullable(known.get(appId)), fs, MIN_AGE, () -> NOW);
    }

    private static ApplicationId app(int n) {
        return ApplicationId.newInstance(1_700_000_000_000L, n);
    }

    private Path stagingDir(ApplicationId appId, YarnApplicationState state, long modified) throws IOException {
        if (state != null) {
            known.put(appId, state);
        }
        Path dir = new Path(root, appId.toString());
        fs.mkdirs(new Path(dir, "usrlib"));
        file(new Path(dir, "conf.yaml"), modified);
        fs.setTimes(new Path(dir, "usrlib"), modified, -1);
        fs.setTimes(dir, modified, -1);
        return dir;
    }

    private Path file(Path path, long modified) throws IOException {
        fs.create(path).close();
        fs.setTimes(path, modified, -1);
        return path;
    }
}
