package dev.careerbot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code java -jar target/careerbot.jar ...} as a child process, the way a self-hoster runs it,
 * for the {@code *IT} tests that Maven runs after {@code package}. Standard output and standard
 * error go to files (read at any time, so nothing blocks on a full pipe); the child gets the
 * environment of the test minus the CareerBot variables, plus the ones a test gives it.
 * {@link #close()} kills the child if it still runs, so a failed test never leaves one behind.
 */
public final class RunningJar implements AutoCloseable {

    /** The shaded jar that {@code mvn package} builds. */
    public static final Path JAR = Path.of("target", "careerbot.jar").toAbsolutePath();

    /** Variables the child never inherits from the test's own environment. */
    private static final List<String> CAREERBOT_VARIABLES = List.of("TELEGRAM_TOKEN", "DISCORD_TOKEN",
            "CAREERBOT_CONFIG");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final List<String> command;

    private RunningJar(Process process, Path stdout, Path stderr, List<String> command) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.command = command;
    }

    /**
     * Starts the jar in {@code workingDirectory} (which also receives {@code stdout.txt} and
     * {@code stderr.txt}) with these extra environment variables and arguments.
     */
    public static RunningJar start(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException {
        return start(workingDirectory, "", environment, args);
    }

    /**
     * As {@link #start(Path, Map, String...)}, with the output files named {@code <prefix>stdout.txt}
     * and {@code <prefix>stderr.txt}, so a restart in the same folder keeps the first run's logs.
     */
    public static RunningJar start(Path workingDirectory, String outputPrefix, Map<String, String> environment,
            String... args) throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: the *IT tests run after `mvn package` builds it");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path stdout = workingDirectory.resolve(outputPrefix + "stdout.txt");
        Path stderr = workingDirectory.resolve(outputPrefix + "stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        CAREERBOT_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        return new RunningJar(builder.start(), stdout, stderr, List.copyOf(command));
    }

    /** Writes this text to the child's standard input and closes it, as a pipe into the jar does. */
    public RunningJar input(String text) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** Waits for the child to end and returns its exit status; fails the test if it does not. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout.toSeconds() + " s\n" + describe());
        }
        return process.exitValue();
    }

    /**
     * Waits until the condition holds, failing at once (with the child's output) if the child
     * ends first, or when the timeout passes.
     */
    public void awaitWhileRunning(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the process ended (status " + process.exitValue() + ") before " + what
                        + "\n" + describe());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " after " + timeout.toSeconds() + " s\n" + describe());
            }
            Thread.sleep(25);
        }
    }

    /** Sends SIGKILL ({@code kill -9}): the process ends at once, without its shutdown hook. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("still running 10 s after SIGKILL\n" + describe());
        }
    }

    /** Sends SIGTERM, as {@code kill}, systemd or {@code docker stop} do. */
    public void terminate() {
        process.destroy();
    }

    /** The child's process id, for reading its memory from /proc. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** The command, the exit status if any, and both outputs: for assertion messages. */
    public String describe() {
        return "command: " + String.join(" ", command) + "\nstatus: "
                + (process.isAlive() ? "running" : Integer.toString(process.exitValue()))
                + "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
    }

    private static String read(Path file) {
        try {
            // Bytes, not readString: a character the child is half way through writing must not fail the read.
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the child if it still runs and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
