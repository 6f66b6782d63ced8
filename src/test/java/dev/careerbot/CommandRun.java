package dev.careerbot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One run of the command line, as {@code java -jar careerbot.jar ARGS < stdin} would do it, with
 * the streams in memory.
 *
 * @param status the exit status
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record CommandRun(int status, String out, String err) {

    static CommandRun of(String stdin, String... args) {
        return of(stdin.getBytes(StandardCharsets.UTF_8), Map.of(), args);
    }

    static CommandRun of(byte[] stdin, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = new CareerBot(new ByteArrayInputStream(stdin), outStream, errStream, environment,
                Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC)).run(args);
        outStream.flush();
        errStream.flush();
        return new CommandRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output, line by line. */
    List<String> outLines() {
        return out.lines().toList();
    }
}
