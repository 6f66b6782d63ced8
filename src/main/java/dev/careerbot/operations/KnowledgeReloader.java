package dev.careerbot.operations;

import dev.careerbot.conversation.Conversation;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeException;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.yaml.YamlSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the knowledge base on its own thread, one reload at a time: reads and validates the
 * file, trains a matcher on it, and only then swaps the new conversation in. A file with errors
 * or a failed training keeps the old conversation answering; every error is logged with its
 * file and line and returned to whoever asked.
 */
final class KnowledgeReloader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeReloader.class);

    private final LiveConversation live;
    private final YamlSource source;
    private final KnowledgeLoader loader;
    private final Function<KnowledgeBase, IntentMatcher> trainer;
    private final Consumer<ReloadOutcome> listener;
    private final LongSupplier nanoTime;
    private final PhaseTimes phases;
    private final ExecutorService thread;

    /**
     * @param live the conversation to swap
     * @param source the knowledge base file
     * @param loader reads and validates it
     * @param trainer trains a matcher on a knowledge base (takes a second or three)
     * @param listener told of each outcome (metrics)
     * @param nanoTime the monotonic clock
     */
    public KnowledgeReloader(LiveConversation live, YamlSource source, KnowledgeLoader loader,
            Function<KnowledgeBase, IntentMatcher> trainer, Consumer<ReloadOutcome> listener, LongSupplier nanoTime) {
        this(live, source, loader, trainer, listener, nanoTime, new PhaseTimes());
    }

    /**
     * As above, recording each reload's phases ({@code knowledge base}: reading and validating
     * the file; {@code applied}: from the start of the reload until the new knowledge base answers)
     * in {@code phases} under {@link PhaseTimes#RELOAD}, where the trainer records its
     * {@code matcher} phase.
     */
    public KnowledgeReloader(LiveConversation live, YamlSource source, KnowledgeLoader loader,
            Function<KnowledgeBase, IntentMatcher> trainer, Consumer<ReloadOutcome> listener, LongSupplier nanoTime,
            PhaseTimes phases) {
        this.phases = phases;
        this.live = live;
        this.source = source;
        this.loader = loader;
        this.trainer = trainer;
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread reload = new Thread(task, "careerbot-reload");
            reload.setDaemon(true);
            return reload;
        });
    }

    /** The knowledge base file this reloads. */
    public YamlSource source() {
        return source;
    }

    /**
     * Starts a reload after those already queued; never completes exceptionally.
     *
     * @param reason who asked, for the log ("the file changed", "/reload from an admin")
     */
    public CompletableFuture<ReloadOutcome> reload(String reason) {
        try {
            return CompletableFuture.supplyAsync(() -> reloadNow(reason), thread);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(new ReloadOutcome(ReloadOutcome.Status.FAILED, source.name(),
                    live.current().knowledge().intents().size(), List.of("the bot is shutting down"), List.of(),
                    Duration.ZERO));
        }
    }

    private ReloadOutcome reloadNow(String reason) {
        long start = nanoTime.getAsLong();
        Conversation old = live.current();
        int oldIntents = old.knowledge().intents().size();
        ReloadOutcome outcome;
        try {
            KnowledgeLoader.Loaded loaded = phases.time(PhaseTimes.RELOAD, "knowledge base", () -> loader.load(source));
            KnowledgeBase knowledge = loaded.base();
            if (knowledge.contentHash().equals(old.knowledge().contentHash())) {
                outcome = new ReloadOutcome(ReloadOutcome.Status.UNCHANGED, source.name(), oldIntents, List.of(),
                        loaded.warnings(), took(start));
            } else {
                IntentMatcher matcher = trainer.apply(knowledge);
                live.swap(old.reloaded(knowledge, matcher));
                phases.record(PhaseTimes.RELOAD, "applied", took(start));
                outcome = new ReloadOutcome(ReloadOutcome.Status.RELOADED, source.name(), knowledge.intents().size(),
                        List.of(), loaded.warnings(), took(start));
            }
        } catch (KnowledgeException invalid) {
            outcome = new ReloadOutcome(ReloadOutcome.Status.REJECTED, source.name(), oldIntents, invalid.problems(),
                    List.of(), took(start));
        } catch (RuntimeException failure) {
            log.error("Reloading {} failed", source.name(), failure);
            outcome = new ReloadOutcome(ReloadOutcome.Status.FAILED, source.name(), oldIntents,
                    List.of(failure.getClass().getSimpleName() + ": " + failure.getMessage()), List.of(), took(start));
        }
        report(reason, outcome);
        return outcome;
    }

    private void report(String reason, ReloadOutcome outcome) {
        switch (outcome.status()) {
            case RELOADED -> {
                log.info("Reloaded the knowledge base {} ({}): {} intents, ready in {} ms: {}", outcome.source(), reason,
                        outcome.intents(), outcome.took().toMillis(),
                        phases.describe(PhaseTimes.RELOAD, "knowledge base", "matcher"));
                outcome.warnings().forEach(warning -> log.warn("{}", warning));
            }
            case UNCHANGED -> log.debug("Knowledge base {} unchanged ({})", outcome.source(), reason);
            case REJECTED -> {
                log.warn("Rejected the edited knowledge base {} ({}): {} error(s); the previous one keeps answering",
                        outcome.source(), reason, outcome.problems().size());
                outcome.problems().forEach(problem -> log.warn("{}", problem));
            }
            case FAILED -> log.warn("Could not reload {} ({}): {}; the previous one keeps answering",
                    outcome.source(), reason, outcome.problems());
            default -> throw new IllegalStateException("unknown status " + outcome.status());
        }
        try {
            listener.accept(outcome);
        } catch (RuntimeException failure) {
            log.warn("A reload listener failed: {}", failure.toString());
        }
    }

    private Duration took(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    /** Stops reloading; a reload in progress is abandoned and the current conversation stays. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
