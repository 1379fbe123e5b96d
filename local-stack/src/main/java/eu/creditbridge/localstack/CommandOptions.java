package eu.creditbridge.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --name value} options of one {@code ./creditbridge} command, taken out as they are read, so that whatever is
 * left at the end was not understood and is an error naming the usage.
 */
public final class CommandOptions {

    private final List<String> args;
    private final String usage;

    public CommandOptions(List<String> arguments, String usage) {
        this.args = new ArrayList<>(arguments);
        this.usage = usage;
    }

    public Optional<String> value(String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size() || args.get(at + 1).startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.remove(at + 1);
        args.remove(at);
        return Optional.of(value);
    }

    /** A whole number, written as {@code 50000}, {@code 50_000} or {@code 50,000}. */
    public Optional<Integer> number(String name) {
        return value(name).map(value -> {
            try {
                return Integer.parseInt(value.replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a whole number, was '" + value + "'");
            }
        });
    }

    /** Fails naming the usage if anything was not read. */
    public void requireAllRead() {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + args + "; usage: " + usage);
        }
    }
}
