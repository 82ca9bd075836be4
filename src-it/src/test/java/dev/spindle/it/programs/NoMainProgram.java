package dev.spindle.it.programs;

/** A class without main(String[]): what a user passes with -c by mistake. */
public final class NoMainProgram {

    private NoMainProgram() {
    }

    public static void run(String[] args) {
    }
}
