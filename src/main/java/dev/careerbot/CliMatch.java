package dev.careerbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.evaluation.MatchCommand;
import java.io.InputStream;
import java.io.PrintStream;

/** {@code match}: answers JSON lines from stdin, one JSON line out for each. */
final class CliMatch {

    private final BatchAnswerers answerers;
    private final ObjectMapper json;
    private final InputStream in;
    private final PrintStream out;

    CliMatch(BatchAnswerers answerers, ObjectMapper json, InputStream in, PrintStream out) {
        this.answerers = answerers;
        this.json = json;
        this.in = in;
        this.out = out;
    }

    int run(CommandLine commandLine) {
        new MatchCommand(answerers.answerer(commandLine), json, commandLine.flag("--explain")).run(in, out);
        return 0;
    }
}
