package dev.careerbot;

import dev.careerbot.channel.ChatAdapter;
import dev.careerbot.config.BotConfig;
import dev.careerbot.config.ConfigException;
import dev.careerbot.config.StateSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.operations.PhaseTimes;
import dev.careerbot.operations.Operations;
import dev.careerbot.state.MemoryStateStore;
import dev.careerbot.state.StateStore;
import dev.careerbot.state.redis.RedisStateStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code run}: starts every enabled platform adapter and the operations around them, until stopped. */
final class CliRun {

    private static final Logger log = LoggerFactory.getLogger(CliRun.class);

    private final Startup startup;
    private final PrintStream err;
    private final Clock clock;

    CliRun(Startup startup, PrintStream err, Clock clock) {
        this.startup = startup;
        this.err = err;
        this.clock = clock;
    }

    int run(CommandLine commandLine) {
        return run(startup.load(commandLine));
    }

    int run(Startup.Loaded loaded) {
        if (!loaded.config().anyPlatformEnabled()) {
            err.println("careerbot: no platform is enabled in " + loaded.config().source()
                    + ": set adapters.telegram.enabled or adapters.discord.enabled to true (see README),"
                    + " or use the chat command to talk here.");
            return 1;
        }
        // Fail fast: the port is bound before any model loads, and the adapters check their tokens
        // with the platforms while the matcher loads (or trains) on its own thread.
        PhaseTimes phases = loaded.phases();
        StateStore state = stateStore(loaded.config());
        CompletableFuture<KnowledgeMatchers> matchers = new CompletableFuture<>();
        CompletableFuture<Conversation> conversation = new CompletableFuture<>();
        // A reload waits for the first conversation, so the matchers are there by then.
        Operations operations = Operations.start(loaded.config(), conversation,
                knowledge -> matchers.join().apply(knowledge), clock, state, phases);
        operations.reportPhases(phases, List.of(PhaseTimes.START, PhaseTimes.RELOAD), Startup.PHASES);
        List<ChatAdapter> adapters = Adapters.enabled(loaded.config(), operations.responder(),
                operations.adapterServices());
        List<ChatAdapter> started = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            operations.shutdown(started);
            stopped.countDown();
        }, "careerbot-shutdown"));
        try {
            operations.serve(adapters);
            startMatcher(loaded, matchers, conversation, state);
            phases.time(PhaseTimes.START, "adapters", () -> {
                for (ChatAdapter adapter : adapters) {
                    adapter.start();
                    started.add(adapter);
                    log.info("{} adapter started", adapter.name());
                }
                return null;
            });
            conversation.join();
            Startup.logStarted(phases, "Ready");
        } catch (RuntimeException failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            log.error("Could not start: {}", cause.getMessage());
            closeAll(started);
            operations.close();
            return 1;
        }
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Loads or trains the first matcher on its own thread, with one sentence encoder for the
     * bot's lifetime (a reload embeds only new examples with it).
     */
    private void startMatcher(Startup.Loaded loaded, CompletableFuture<KnowledgeMatchers> matchers,
            CompletableFuture<Conversation> conversation, StateStore state) {
        Thread thread = new Thread(() -> {
            try {
                KnowledgeMatchers started = loaded.matchers();
                matchers.complete(started);
                conversation.complete(new Conversation(loaded.knowledge(), started.initial(loaded.knowledge()),
                        loaded.config().sessions(), clock, state));
            } catch (RuntimeException | Error failure) {
                matchers.completeExceptionally(failure);
                conversation.completeExceptionally(failure);
            }
        }, "careerbot-matcher-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where the state instances share lives: this process (the default) or Redis (state.store: redis). */
    private static StateStore stateStore(BotConfig config) {
        if (config.state().store() == StateSettings.Store.MEMORY) {
            return new MemoryStateStore(config.sessions().maxSessions(), System::nanoTime);
        }
        try {
            return RedisStateStore.open(config.state());
        } catch (IllegalArgumentException wrongUrl) {
            throw new ConfigException(List.of(config.source() + ": " + wrongUrl.getMessage()));
        }
    }

    private static void closeAll(List<ChatAdapter> adapters) {
        for (ChatAdapter adapter : adapters) {
            try {
                adapter.close();
            } catch (RuntimeException failure) {
                log.warn("{} adapter did not close cleanly: {}", adapter.name(), failure.getMessage());
            }
        }
    }
}
