package dev.spindle.yarn.client.preflight;

/** One thing that must hold before anything is uploaded or submitted; fails with a message naming what to change. */
public interface PreflightCheck {

    void check(PreflightContext context) throws PreflightException;
}
