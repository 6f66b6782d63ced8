package dev.careerbot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line: {@code careerbot [command] [--option value] [--flag]}.
 *
 * @param command the command, empty for the default
 * @param options options with a value
 * @param flags options without one
 */
record CommandLine(Optional<String> command, Map<String, String> options, Set<String> flags) {

    static final Set<String> COMMANDS = Set.of("chat", "run", "match", "eval", "check", "review", "help");
    private static final Set<String> VALUED = Set.of("--config", "--train", "--val", "--test", "--mode", "--file",
            "--top");
    private static final Set<String> FLAGS = Set.of("--explain", "--json", "--help", "--cross-validate");

    static CommandLine parse(String[] args) {
        Optional<String> command = Optional.empty();
        Map<String, String> options = new HashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (VALUED.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value, for example " + arg + " FILE");
                }
                options.put(arg, args[++i]);
            } else if (arg.startsWith("--") && arg.contains("=") && VALUED.contains(arg.substring(0, arg.indexOf('=')))) {
                options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (FLAGS.contains(arg)) {
                flags.add(arg);
            } else if (command.isEmpty() && COMMANDS.contains(arg)) {
                command = Optional.of(arg);
            } else {
                throw new UsageException("unknown argument \"" + arg + "\"");
            }
        }
        return new CommandLine(command, Map.copyOf(options), Set.copyOf(flags));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The command line is wrong; the message says how. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
