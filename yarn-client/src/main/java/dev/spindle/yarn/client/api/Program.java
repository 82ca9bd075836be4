package dev.spindle.yarn.client.api;

import java.util.List;

/**
 * A user program to run: its jar, its entry class (null: the jar manifest's Main-Class) and its arguments.
 */
public record Program(ProgramJar jar, String entryClass, List<String> arguments) {

    public Program {
        arguments = List.copyOf(arguments);
    }

    /** A program from the jar as typed. */
    public static Program of(String jar, String entryClass, List<String> arguments) {
        return new Program(new ProgramJar(jar), entryClass, arguments);
    }

    /** The entry class if given, else the jar's file name: what names the program to users. */
    public String displayName() {
        return entryClass != null ? entryClass : new java.io.File(jar.uri().getPath()).getName();
    }
}
