package dev.spindle.yarn.client.preflight;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;

import dev.spindle.configuration.YarnConfigOptions;

/**
 * Every {@code yarn.provided.lib.dirs} entry exists, is a dir, and is world-readable down from the
 * root: NodeManagers only share PUBLIC resources that everybody can read, and would otherwise
 * fail the localization of every container.
 */
final class ProvidedLibDirsCheck implements PreflightCheck {

    @Override
    public void check(PreflightContext context) throws PreflightException {
        String key = YarnConfigOptions.PROVIDED_LIB_DIRS.key();
        for (String dir : context.configuration().getOptional(YarnConfigOptions.PROVIDED_LIB_DIRS).orElse(List.of())) {
            try {
                Path path = new Path(dir);
                FileSystem fs = path.getFileSystem(context.yarnConf());
                path = fs.makeQualified(path);
                FileStatus status;
                try {
                    status = fs.getFileStatus(path);
                } catch (FileNotFoundException e) {
                    throw new PreflightException(key + " names " + path + ", which does not exist. Upload the Spindle"
                            + " lib dir there or remove it from " + key + ".");
                }
                if (!status.isDirectory()) {
                    throw new PreflightException(key + " names " + path + ", which is a file; it must be a directory of jars.");
                }
                if (!status.getPermission().getOtherAction().implies(FsAction.READ_EXECUTE)) {
                    throw notPublic(key, path, status);
                }
                for (Path p = path.getParent(); p != null; p = p.getParent()) {
                    FileStatus parent = fs.getFileStatus(p);
                    if (!parent.getPermission().getOtherAction().implies(FsAction.EXECUTE)) {
                        throw notPublic(key, p, parent);
                    }
                }
                for (FileStatus f : fs.listStatus(path)) {
                    if (f.isFile() && !f.getPermission().getOtherAction().implies(FsAction.READ)) {
                        throw notPublic(key, f.getPath(), f);
                    }
                }
            } catch (IOException e) {
                throw new PreflightException("Cannot check " + key + " entry " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private static PreflightException notPublic(String key, Path path, FileStatus status) {
        return new PreflightException(key + ": " + path + " is not world-readable (" + status.getPermission()
                + "), so NodeManagers cannot share it as a PUBLIC resource. Make it readable for all (e.g. 'hdfs dfs -chmod -R"
                + " o+rX " + path + "') or remove it from " + key + ".");
    }
}
