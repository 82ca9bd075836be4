package dev.spindle.yarn.client.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Splits {@code -Dkey=value} into {@code -D key=value} before commons-cli sees it: commons-cli
 * only accepts the joined form for two-argument options, which would then swallow the next token
 * after a {@code -Dkey} without value. Tokens from the first program argument on are left alone,
 * so a program's own {@code -Dx=y} arguments reach it unchanged.
 */
final class DynamicPropertyTokens {

    private DynamicPropertyTokens() {
    }

    static String[] normalize(String[] args, Options options, boolean stopAtFirstArgument) {
        List<String> result = new ArrayList<>();
        boolean expectValue = false;
        boolean rest = false;
        for (String token : args) {
            if (rest || expectValue) {
                result.add(token);
                expectValue = false;
                continue;
            }
            if (token.equals("--")) {
                result.add(token);
                rest = true;
            } else if (token.startsWith("-D") && token.length() > 2) {
                result.add("-D");
                result.add(token.substring(2));
            } else if (token.startsWith("-") && token.length() > 1) {
                String name = token.replaceFirst("^--?", "");
                Option option = name.contains("=") ? null : options.getOption(name);
                expectValue = option != null && option.hasArg();
                result.add(token);
            } else {
                result.add(token);
                rest = stopAtFirstArgument;
            }
        }
        return result.toArray(new String[0]);
    }
}
