package dev.careerbot.intent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trained matchers kept between runs, so that a start or a reload trains only when what the
 * matcher depends on has changed (see {@link TrainingSet#key()}). It looks in the cache folder
 * first, then among the matchers the build put into the jar ({@code bundled/matchers/}); if
 * neither holds the matcher of these examples and settings, it trains one and saves it in the
 * cache folder. A stale or damaged file is skipped with a log line, never used.
 *
 * <p>Files are written to a temporary name and renamed, so a crash mid-write leaves no half file
 * behind (and the checksum would refuse one anyway).
 */
public final class MatcherStore {

    /** Where the build puts the matchers of the bundled knowledge base, on the classpath. */
    public static final String BUNDLED_FOLDER = "bundled/matchers/";

    private static final Logger log = LoggerFactory.getLogger(MatcherStore.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Optional<Path> directory;
    private final ClassLoader bundled;

    /**
     * @param directory where trained matchers are saved, or empty to save none (tools, tests)
     * @param bundled where the build's matchers are looked up
     */
    public MatcherStore(Optional<Path> directory, ClassLoader bundled) {
        this.directory = directory;
        this.bundled = bundled;
    }

    /** Saves in {@code directory}; looks up the bundled matchers on this class's class path. */
    public static MatcherStore in(Path directory) {
        return new MatcherStore(Optional.of(directory), MatcherStore.class.getClassLoader());
    }

    /**
     * A matcher, where it came from, and when its own thresholds are in place: at once, except
     * for a {@linkplain IntentMatcher#retrain retrained} one. Cancelling {@code calibrated} stops
     * that calibration (a newer edit supersedes it); the matcher keeps the thresholds it has.
     */
    public record Obtained(IntentMatcher matcher, String origin, CompletableFuture<IntentMatcher> calibrated) {

        Obtained(IntentMatcher matcher, String origin) {
            this(matcher, origin, CompletableFuture.completedFuture(matcher));
        }
    }

    /**
     * The matcher of the training set: saved, bundled or, failing both, trained now and saved.
     *
     * @param name the slot, for instance {@code knowledge-semantic}
     */
    public Obtained matcher(String name, TrainingSet set) {
        Optional<Obtained> saved = saved(name, set);
        if (saved.isPresent()) {
            return saved.get();
        }
        long started = System.nanoTime();
        IntentMatcher matcher = IntentMatcher.train(set);
        return trained(name, set, matcher, (System.nanoTime() - started) / 1_000_000);
    }

    private Obtained trained(String name, TrainingSet set, IntentMatcher matcher, long millis) {
        log.info("Trained the {} matcher on {} examples in {} ms", set.features().name(), set.examples().size(),
                millis);
        save(name, matcher);
        return new Obtained(matcher, "trained in " + millis + " ms");
    }

    /**
     * As {@link #matcher(String, TrainingSet)}, for a reload whose examples changed while
     * {@code previous} answers: a matcher that is neither saved nor bundled is
     * {@linkplain IntentMatcher#retrain retrained}, answering with the previous thresholds as soon
     * as its classifiers are trained, and saved once its own thresholds are chosen.
     */
    public Obtained matcher(String name, TrainingSet set, IntentMatcher previous) {
        Optional<Obtained> saved = saved(name, set);
        if (saved.isPresent()) {
            return saved.get();
        }
        Thresholds carried = previous.thresholds();
        long started = System.nanoTime();
        IntentMatcher.Retrained retrained = IntentMatcher.retrain(set, carried);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (retrained.calibrated().isDone()) {
            // Thresholds configured: trained whole, nothing follows.
            return trained(name, set, retrained.matcher(), millis);
        }
        log.info("Retrained the {} matcher on {} examples in {} ms; it answers with the previous thresholds"
                + " until cross-validation has chosen its own", set.features().name(), set.examples().size(), millis);
        retrained.calibrated().whenComplete((calibrated, failure) -> {
            if (failure instanceof CancellationException) {
                log.info("Stopped choosing the thresholds of the retrained {} matcher: a newer edit replaced it",
                        set.features().name());
                return;
            }
            if (failure != null) {
                log.warn("Choosing the thresholds of the retrained {} matcher failed ({}); it keeps the previous"
                        + " ones and is not saved", set.features().name(), failure.toString());
                return;
            }
            Thresholds own = calibrated.thresholds();
            log.info("Thresholds of the retrained {} matcher chosen {} ms after the retrain began: answer {},"
                    + " clarify {} (were {}, {})", set.features().name(), (System.nanoTime() - started) / 1_000_000,
                    String.format("%.3f", own.answer()), String.format("%.3f", own.clarify()),
                    String.format("%.3f", carried.answer()), String.format("%.3f", carried.clarify()));
            save(name, calibrated);
        });
        return new Obtained(retrained.matcher(), "retrained in " + millis + " ms (thresholds follow)",
                retrained.calibrated());
    }

    /** The saved or bundled matcher of the training set, if there is an intact one. */
    public Optional<Obtained> saved(String name, TrainingSet set) {
        checkName(name);
        if (directory.isPresent()) {
            Path file = file(name);
            try {
                Optional<IntentMatcher> matcher = usable(file.toString(), Files.readAllBytes(file), set);
                if (matcher.isPresent()) {
                    return Optional.of(new Obtained(matcher.get(), "loaded from " + file));
                }
            } catch (NoSuchFileException absent) {
                log.debug("No saved matcher at {}", file);
            } catch (IOException unreadable) {
                log.warn("Cannot read the saved matcher {} ({}); looking further", file, unreadable.toString());
            }
        }
        String resource = BUNDLED_FOLDER + name + ".matcher";
        try (InputStream in = bundled.getResourceAsStream(resource)) {
            if (in != null) {
                Optional<IntentMatcher> matcher = usable("the jar's " + resource, in.readAllBytes(), set);
                if (matcher.isPresent()) {
                    return Optional.of(new Obtained(matcher.get(), "loaded from the jar's " + resource));
                }
            }
        } catch (IOException unreadable) {
            log.warn("Cannot read the bundled matcher {} ({})", resource, unreadable.toString());
        }
        return Optional.empty();
    }

    private static Optional<IntentMatcher> usable(String where, byte[] bytes, TrainingSet set) {
        MatcherFile.Result result = MatcherFile.decode(bytes, set);
        if (result instanceof MatcherFile.Result.Usable usable) {
            return Optional.of(usable.matcher());
        }
        if (result instanceof MatcherFile.Result.Damaged damaged) {
            log.warn("Ignoring the saved matcher {}: {}", where, damaged.reason());
        } else {
            log.info("The saved matcher {} is for other examples, settings or code; not using it", where);
        }
        return Optional.empty();
    }

    /** Saves the matcher under the name, when this store has a folder; a failure is logged only. */
    public void save(String name, IntentMatcher matcher) {
        checkName(name);
        if (directory.isEmpty()) {
            return;
        }
        try {
            write(file(name), matcher);
        } catch (IOException e) {
            // The matcher is in memory and correct; only the next start trains again.
            log.warn("Cannot save the matcher to {} ({}); the next start trains it again", file(name), e.toString());
        }
    }

    /** Writes the matcher's file atomically (also used by the build to bundle matchers). */
    public static void write(Path file, IntentMatcher matcher) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, file.getFileName().toString(), ".part");
        try {
            Files.write(partial, MatcherFile.encode(matcher));
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private Path file(String name) {
        return directory.orElseThrow().resolve(name + ".matcher");
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("matcher name '" + name + "' must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
    }
}
