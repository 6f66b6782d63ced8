package dev.careerbot.operations;

import dev.careerbot.channel.AdapterServices;
import dev.careerbot.channel.AnsweredIdsFile;
import dev.careerbot.channel.ChatAdapter;
import dev.careerbot.config.BotConfig;
import dev.careerbot.config.OperationsSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.logging.LogFormat;
import dev.careerbot.message.Responder;
import dev.careerbot.state.MemoryStateStore;
import dev.careerbot.state.StateStore;
import dev.careerbot.unanswered.UnansweredLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code run} adds around the conversation, built from the config: the
 * {@link #responder()} the adapters talk to, metrics, hot reload (watcher and {@code /reload}),
 * the unanswered log, the health and metrics endpoint ({@link #serve}) and graceful shutdown
 * ({@link #shutdown}).
 */
public final class Operations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Operations.class);
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);
    /** What an adapter's close leaves of the shutdown deadline, to report what it could not answer. */
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(3);
    /** Telegram sends an update again for at most a day; delivered message keys are remembered that long. */
    private static final Duration DELIVERY_MEMORY = Duration.ofHours(24);

    private final OperationsSettings settings;
    private final BotMetrics metrics;
    private final LiveConversation live;
    private final KnowledgeReloader reloader;
    private final InFlight inFlight;
    private final OperationsResponder responder;
    private final Optional<KnowledgeWatcher> watcher;
    private final UnansweredLog unanswered;
    private final StateStore store;
    private volatile Optional<StatusServer> server = Optional.empty();
    private volatile boolean shuttingDown;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Operations(OperationsSettings settings, BotMetrics metrics, LiveConversation live,
            KnowledgeReloader reloader, InFlight inFlight, OperationsResponder responder,
            Optional<KnowledgeWatcher> watcher, UnansweredLog unanswered, StateStore store) {
        this.settings = settings;
        this.metrics = metrics;
        this.live = live;
        this.reloader = reloader;
        this.inFlight = inFlight;
        this.responder = responder;
        this.watcher = watcher;
        this.unanswered = unanswered;
        this.store = store;
    }

    /**
     * Builds the operations around a conversation and starts watching the knowledge base.
     *
     * @param config the loaded config
     * @param conversation the conversation on the knowledge base as loaded at start
     * @param trainer trains a matcher for a reloaded knowledge base
     * @param clock wall time, for the unanswered log and uptime
     * @throws dev.careerbot.unanswered.UnansweredLogException when the unanswered log cannot be set up
     */
    public static Operations start(BotConfig config, Conversation conversation,
            Function<KnowledgeBase, IntentMatcher> trainer, Clock clock) {
        return start(config, CompletableFuture.completedFuture(conversation), trainer, clock);
    }

    /**
     * As {@link #start(BotConfig, Conversation, Function, Clock)} with the first conversation
     * still being built (its matcher loading or training): messages wait for it, so the endpoint
     * and the adapters can start, and report a busy port or a rejected token, meanwhile.
     */
    public static Operations start(BotConfig config, CompletableFuture<Conversation> conversation,
            Function<KnowledgeBase, IntentMatcher> trainer, Clock clock) {
        return start(config, conversation, trainer, clock,
                new MemoryStateStore(config.sessions().maxSessions(), System::nanoTime), new PhaseTimes());
    }

    /**
     * As above, with the state the instances share in this store (the conversation's contexts
     * must be in the same one): rate-limit buckets, reload announcements, the adapters' memory of
     * message ids delivered, its health in {@code /healthz} and {@code /metrics}. The store is
     * closed with the operations. Each reload's phases are recorded in {@code phases} (for the log
     * and {@code /metrics}).
     */
    public static Operations start(BotConfig config, CompletableFuture<Conversation> conversation,
            Function<KnowledgeBase, IntentMatcher> trainer, Clock clock, StateStore store, PhaseTimes phases) {
        OperationsSettings settings = config.operations();
        if (settings.logging().json()) {
            LogFormat.useJson();
        }
        BotMetrics metrics = new BotMetrics(clock);
        LiveConversation live = new LiveConversation(conversation);
        metrics.activeSessions(() -> live.ifReady().map(Conversation::activeSessions).orElse(0));
        UnansweredLog unanswered = new UnansweredLog(settings.unanswered(), clock);
        metrics.stateStore(store::health);
        ReloadAnnouncements announcements = new ReloadAnnouncements(store, live);
        KnowledgeReloader reloader = new KnowledgeReloader(live, config.knowledgeBase(), new KnowledgeLoader(),
                trainer, outcome -> {
                    metrics.reloaded(outcome.status().name().toLowerCase(Locale.ROOT));
                    announcements.reloaded(outcome);
                }, System::nanoTime, phases);
        announcements.listen(reloader);
        InFlight inFlight = new InFlight();
        AdminCommands admin = new AdminCommands(settings.admins(), reloader, unanswered, metrics, live, RELOAD_WAIT);
        OperationsResponder responder = new OperationsResponder(live, new RateLimiter(settings.rateLimit(), store),
                admin, unanswered, metrics, settings.logging(), inFlight, System::nanoTime);
        return new Operations(settings, metrics, live, reloader, inFlight, responder, watch(config, reloader),
                unanswered, store);
    }

    private static Optional<KnowledgeWatcher> watch(BotConfig config, KnowledgeReloader reloader) {
        Optional<Path> file = config.knowledgeBase().file();
        if (!config.operations().reload().watch() || file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KnowledgeWatcher.start(file.get(), config.operations().reload().debounce(),
                    () -> reloader.reload("the file changed")));
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot watch {} for changes ({}); use /reload after editing it", file.get(), e.toString());
            return Optional.empty();
        }
    }

    /** The responder to hand to the adapters. */
    public Responder responder() {
        return responder;
    }

    /**
     * What the adapters need besides the responder: lost calls counted in the metrics, user and
     * chat ids in logs as the unanswered log's salted hash, answered update ids in a file per
     * adapter next to the unanswered log ({@code telegram-answered-updates.txt}), and a close
     * that ends a few seconds before the shutdown deadline.
     */
    public AdapterServices adapterServices() {
        java.nio.file.Path folder = settings.unanswered().file().toAbsolutePath().getParent();
        Duration deadline = settings.shutdown().deadline();
        Duration grace = deadline.compareTo(CLOSE_MARGIN.plusSeconds(1)) > 0 ? deadline.minus(CLOSE_MARGIN)
                : deadline.dividedBy(2);
        return new AdapterServices(metrics::outboundLost, unanswered::logId,
                name -> AnsweredIdsFile.open(folder.resolve(name + "-answered-updates.txt")),
                key -> store.firstDelivery(key, DELIVERY_MEMORY), grace);
    }

    /** The conversation answering right now (it changes on reload). */
    public Conversation conversation() {
        return live.current();
    }

    /**
     * Reports these phases of these stages (start-up, reload) as
     * {@code careerbot_phase_seconds{stage,phase}}, read at each scrape.
     */
    public void reportPhases(PhaseTimes times, List<String> stages, List<String> phases) {
        metrics.phases(times, stages, phases);
    }

    /** The metrics, for tests. */
    BotMetrics metrics() {
        return metrics;
    }

    /** Reloads the knowledge base now, as {@code /reload} does. */
    KnowledgeReloader reloader() {
        return reloader;
    }

    /**
     * Starts {@code /healthz} and {@code /metrics} when {@code http.enabled}, over these adapters.
     *
     * @throws dev.careerbot.operations.HealthException when the address cannot be bound
     */
    public void serve(List<ChatAdapter> adapters) {
        for (ChatAdapter adapter : adapters) {
            metrics.connected(adapter.name(), adapter, a -> a.connected() ? 1 : 0);
        }
        if (settings.http().enabled()) {
            server = Optional.of(StatusServer.start(settings.http().host(), settings.http().port(), adapters,
                    metrics::scrape, () -> shuttingDown, store::health));
        }
    }

    /** The port {@code /healthz} is served on, when it is. */
    public Optional<Integer> httpPort() {
        return server.map(StatusServer::port);
    }

    /**
     * Graceful shutdown within {@code shutdown.deadline_seconds}: closes the adapters, waits for
     * messages in flight, turns away new ones, logs what was left, then stops the rest.
     */
    public void shutdown(List<ChatAdapter> adapters) {
        shuttingDown = true;
        new GracefulShutdown(inFlight, settings.shutdown().deadline()).run(adapters);
        close();
    }

    /** Stops the watcher, the reload thread and the endpoint. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        inFlight.close();
        watcher.ifPresent(KnowledgeWatcher::close);
        reloader.close();
        server.ifPresent(StatusServer::close);
        store.close();
    }

}
