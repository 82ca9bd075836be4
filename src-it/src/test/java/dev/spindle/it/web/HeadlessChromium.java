package dev.spindle.it.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} driven through its own headless command line: it loads a page, lets
 * the page's scripts run for a bounded virtual time, and prints the resulting DOM or writes a
 * screenshot. Enough to check what a browser shows, with no driver library; started as DESIGN.md
 * says (no sandbox, no background networking, a fresh profile each time).
 */
public final class HeadlessChromium {

    private final Path binary;
    private final Path workDir;

    private HeadlessChromium(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /** The installed browser; fails with the command that installs it when there is none. */
    public static HeadlessChromium find(Path workDir) {
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return new HeadlessChromium(p, workDir);
            }
        }
        throw new IllegalStateException("no chromium found: install Debian's package (apt-get install -y chromium); .ci/run does");
    }

    /** The DOM after the page's scripts ran for {@code budgetMillis} of virtual time. */
    public String dumpDom(String url, int budgetMillis) throws IOException, InterruptedException {
        return run(url, budgetMillis, "--dump-dom");
    }

    /** Writes a PNG of the page as it is after {@code budgetMillis} of virtual time. */
    public void screenshot(String url, int budgetMillis, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        run(url, budgetMillis, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars");
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private String run(String url, int budgetMillis, String... mode) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
                "--virtual-time-budget=" + budgetMillis));
        cmd.addAll(List.of(mode));
        cmd.add(url);
        Path out = profile.resolve("stdout");
        Path err = profile.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 60 s: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return dom;
    }
}
