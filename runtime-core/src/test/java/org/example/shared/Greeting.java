package org.example.shared;

/** On the test classpath ("parent"); test jars carry their own version of it. */
public final class Greeting {
    private Greeting() {
    }

    public static String value() {
        return "parent";
    }
}
