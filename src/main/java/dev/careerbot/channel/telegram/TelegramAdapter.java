package dev.careerbot.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.channel.AdapterServices;
import dev.careerbot.channel.AnsweredIds;
import dev.careerbot.channel.ChatAdapter;
import dev.careerbot.channel.telegram.UpdateReader.BotIdentity;
import dev.careerbot.channel.telegram.UpdateReader.Incoming;
import dev.careerbot.config.TelegramSettings;
import dev.careerbot.message.CommandInfo;
import dev.careerbot.message.Platform;
import dev.careerbot.message.Responder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * CareerBot on Telegram, through the TelegramBots library and long polling.
 *
 * <p>At start it asks {@code getMe} who the bot is, registers the core's commands as the menu
 * ({@code setMyCommands}) and starts long polling (the library first removes any webhook). Each
 * update is read on the polling thread, quickly: duplicates are dropped, button presses are
 * answered at once, and every message for the bot becomes a job in its chat's lane, where the core
 * answers it and the reply is sent, paced and in order.
 *
 * <p>Delivery is at least once with answers exactly once ({@link Intake}): an update is confirmed
 * to Telegram only when it is answered, so a crash or a stop leaves what is not answered for
 * Telegram to deliver again, and the ids answered above the confirmed offset are kept in the
 * {@link AnsweredIds} so the redelivered tail is not answered twice. Only a reply that was on its
 * way at the moment of a crash can come twice (one per worker thread at most). At close, polling
 * stops, the jobs held are answered for the grace period, what is left is counted, logged and left
 * unconfirmed, and the offset of the oldest unanswered update is confirmed.
 *
 * <p>In webhook mode ({@code adapters.telegram.mode: webhook}) Telegram posts each update to a
 * {@link WebhookReceiver}, which says 200 at once and hands it here; the update id is taken on once
 * through the shared store ({@link AdapterServices#firstDelivery()}), so of several instances
 * behind one proxy only one answers a post Telegram repeats. Telegram does not post an update again
 * after its 200, so updates held by an instance that crashes are lost (logged as such at a stop).
 *
 * <p>Idle connections of both HTTP clients are closed after {@link #IDLE_CONNECTION_KEEP_ALIVE},
 * before the 5 s after which Node, Apache and many proxies close them: a send written into a
 * connection the server has just closed is lost (it is not resent, since it may have arrived).
 */
public final class TelegramAdapter implements ChatAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramAdapter.class);
    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z0-9_]{1,32}");
    private static final List<String> WANTED_UPDATES = List.of("message", "callback_query", "my_chat_member");
    // At most 4 getUpdates a second when the server answers at once (long_poll_seconds: 0, or no long polling).
    private static final Duration EMPTY_POLL_INTERVAL = Duration.ofMillis(250);
    /** How much longer than the long-poll timeout a poll may take before the adapter counts as down. */
    static final Duration STALE_POLL_MARGIN = Duration.ofSeconds(30);
    /**
     * How long an idle connection is kept for reuse. Servers close idle connections after a
     * while (Node and Apache after 5 s, many proxies as soon); OkHttp checks a pooled connection
     * for that only once it has been idle 10 s, so a shorter keep-alive than every server's is the
     * only safe one.
     */
    static final Duration IDLE_CONNECTION_KEEP_ALIVE = Duration.ofSeconds(3);
    /** Telegram sends at most this many updates a poll. */
    private static final int BATCH_LIMIT = 100;
    /** The file in the data folder with the ids of answered updates. */
    static final String ANSWERED_IDS = "telegram";

    private final TelegramSettings settings;
    private final Responder responder;
    private final Tuning tuning;
    private final TokenMask mask;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong leftUnanswered = new AtomicLong();
    private final PollingSockets pollingSockets = new PollingSockets();
    private final AdapterServices services;

    // Built by start(), read by the polling and worker threads and by close() (often a shutdown hook).
    private volatile OkHttpClient sendHttp;
    private volatile OkHttpClient pollHttp;
    private volatile ExecutorService sendDispatch;
    private volatile ScheduledExecutorService pollExecutor;
    private volatile ScheduledExecutorService workers;
    private volatile OkHttpTelegramClient client;
    private volatile TelegramBotsLongPollingApplication polling;
    private volatile BotSession session;
    private volatile PollingBackOff backOff;
    private volatile UpdateReader reader;
    private volatile ReplyComposer composer;
    private volatile Outbox outbox;
    private volatile SendPacer pacer;
    private volatile ChatLanes lanes;
    private volatile AnsweredIds answeredIds;
    private volatile Intake intake;
    private volatile WebhookReceiver webhook;

    /**
     * Timings that production leaves at their defaults and tests shorten.
     *
     * @param pollBackOffInitial the first wait after a failed {@code getUpdates}
     * @param pollBackOffMax the longest wait after repeated failures
     * @param shutdownGrace how long {@link #close()} lets jobs in flight finish
     * @param workerThreads threads that answer and send, shared by all chats
     * @param requestTimeout how long a Bot API call other than long polling may take
     * @param backlog the most messages held to be answered at once; no poll while that many are
     */
    record Tuning(
            Duration pollBackOffInitial,
            Duration pollBackOffMax,
            Duration shutdownGrace,
            int workerThreads,
            Duration requestTimeout,
            int backlog) {

        static Tuning defaults() {
            return new Tuning(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10),
                    Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(30), BATCH_LIMIT);
        }

        Tuning withShutdownGrace(Duration grace) {
            return new Tuning(pollBackOffInitial, pollBackOffMax, grace, workerThreads, requestTimeout, backlog);
        }

        Tuning withBacklog(int most) {
            return new Tuning(pollBackOffInitial, pollBackOffMax, shutdownGrace, workerThreads, requestTimeout, most);
        }
    }

    /** The adapter as {@code run} builds it: metrics, hashed ids in logs, answered ids kept on disk. */
    public TelegramAdapter(TelegramSettings settings, Responder responder, AdapterServices services) {
        this(settings, responder, services, Tuning.defaults().withShutdownGrace(services.shutdownGrace()));
    }

    TelegramAdapter(TelegramSettings settings, Responder responder, Tuning tuning) {
        this(settings, responder, AdapterServices.standalone(tuning.shutdownGrace()), tuning);
    }

    TelegramAdapter(TelegramSettings settings, Responder responder, AdapterServices services, Tuning tuning) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.services = Objects.requireNonNull(services, "services");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.mask = new TokenMask(settings.token().value());
    }

    /** What stands for a chat or user id in a log line. */
    private String logId(long id) {
        return services.ids().of(Platform.TELEGRAM, Long.toString(id));
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new TelegramException("The Telegram adapter is already started; create a new one to start again");
        }
        // The config loader checked the settings; they are used as they are.
        TelegramSettings.ApiUrl api = settings.apiUrl();
        try {
            connect(settings.token().value(), new TelegramUrl(api.scheme(), api.host(), api.port(), false));
        } catch (RuntimeException e) {
            shutDownClients();
            throw e;
        }
    }

    private void connect(String token, TelegramUrl url) {
        sendDispatch = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DaemonThreads("telegram-http"));
        Dispatcher dispatcher = new Dispatcher(sendDispatch);
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(128);
        long requestMillis = tuning.requestTimeout().toMillis();
        sendHttp = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(32, IDLE_CONNECTION_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                // A send that fails half way must not be repeated silently: it may have arrived.
                .retryOnConnectionFailure(false)
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(requestMillis, TimeUnit.MILLISECONDS)
                .writeTimeout(requestMillis, TimeUnit.MILLISECONDS)
                .build();
        backOff = new PollingBackOff(tuning.pollBackOffInitial(), tuning.pollBackOffMax(), EMPTY_POLL_INTERVAL,
                Duration.ofSeconds(settings.longPollSeconds()).plus(STALE_POLL_MARGIN),
                sendHttp.connectionPool()::evictAll);
        pollHttp = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(sendDispatch))
                .socketFactory(pollingSockets)
                // A failed poll is retried by the library after the back-off, which reads retry_after.
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(2, IDLE_CONNECTION_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                .addInterceptor(backOff)
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(settings.longPollSeconds() + 15L, TimeUnit.SECONDS)
                .writeTimeout(requestMillis, TimeUnit.MILLISECONDS)
                .build();
        client = new OkHttpTelegramClient(new ObjectMapper(), sendHttp, token, url);

        BotIdentity bot = whoAmI();
        reader = new UpdateReader(bot);
        composer = new ReplyComposer(new TelegramHtml());
        ScheduledThreadPoolExecutor workerPool =
                new ScheduledThreadPoolExecutor(tuning.workerThreads(), new DaemonThreads("telegram-chat"));
        // At close, a lane waiting for the pacer must not run once the workers are told to stop.
        workerPool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        workers = workerPool;
        outbox = new Outbox(client, mask, sendHttp.connectionPool()::evictAll,
                kind -> services.lostCalls().lost(Platform.TELEGRAM, kind), this::logId, workers);
        pacer = new SendPacer(settings, System::nanoTime);
        lanes = new ChatLanes(workers);
        answeredIds = services.answeredIds().apply(ANSWERED_IDS);
        intake = new Intake(answeredIds, tuning.backlog(), EMPTY_POLL_INTERVAL);
        registerCommands();
        if (settings.webhook().enabled()) {
            receiveByWebhook(bot);
            return;
        }
        LOG.info("Telegram in polling mode: starting long polling removes any webhook set before (Telegram allows"
                + " one of the two); for several instances use adapters.telegram.mode: webhook");

        pollExecutor = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("telegram-poll"));
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollExecutor,
                () -> backOff);
        try {
            session = polling.registerBot(token, () -> url,
                    TolerantGetUpdates.generator(settings.longPollSeconds(), WANTED_UPDATES, this::nextPollOffset),
                    new Consumer());
        } catch (TelegramApiException e) {
            throw new TelegramException("Could not start long polling on " + settings.apiUrl() + ": "
                    + mask.describe(e));
        }
        LOG.info("Telegram adapter started as @{}, polling {}", bot.username(), settings.apiUrl());
    }

    /**
     * Webhook mode: listens for Telegram's posts, then tells Telegram where to send them
     * ({@code setWebhook} with the secret token). From then on {@code getUpdates} fails on
     * Telegram's side: a bot polling elsewhere with the same token stops receiving.
     */
    private void receiveByWebhook(BotIdentity bot) {
        TelegramSettings.Webhook hook = settings.webhook();
        webhook = WebhookReceiver.start(hook.host(), hook.port(), hook.path(), hook.secret().value(), this::take);
        try {
            client.execute(SetWebhook.builder().url(hook.url().toString()).secretToken(hook.secret().value())
                    .allowedUpdates(WANTED_UPDATES).build());
        } catch (TelegramApiException e) {
            throw new TelegramException("setWebhook to " + hook.url() + " failed: " + mask.describe(e)
                    + "; check adapters.telegram.webhook_url (Telegram needs a public https:// address)");
        }
        LOG.info("Telegram adapter started as @{} in webhook mode: Telegram posts to {}, received on {}:{}{};"
                + " long polling is off while the webhook is set (mode: polling removes it)", bot.username(),
                hook.url(), hook.host(), webhook.port(), hook.path());
    }

    /** The port the webhook receiver listens on, in webhook mode. */
    int webhookPort() {
        return webhook.port();
    }

    private BotIdentity whoAmI() {
        User me;
        try {
            me = client.execute(new GetMe());
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
                throw new TelegramException("Telegram rejected the bot token (" + e.getErrorCode() + " "
                        + mask.mask(e.getApiResponse()) + "): check TELEGRAM_TOKEN against the token BotFather gave");
            }
            throw new TelegramException("getMe failed on " + settings.apiUrl() + ": " + mask.describe(e));
        } catch (TelegramApiException e) {
            throw new TelegramException("Cannot reach the Telegram Bot API at " + settings.apiUrl()
                    + " (check adapters.telegram.api_url and the network): " + mask.describe(e));
        }
        if (me == null || me.getId() == null || me.getUserName() == null) {
            throw new TelegramException("getMe on " + settings.apiUrl() + " did not say the bot's id and username");
        }
        return new BotIdentity(me.getId(), me.getUserName());
    }

    private void registerCommands() {
        List<BotCommand> commands = new ArrayList<>();
        for (CommandInfo command : responder.commands()) {
            String name = command.name().toLowerCase(Locale.ROOT);
            String description = command.description().strip();
            if (!COMMAND_NAME.matcher(name).matches() || description.isEmpty()) {
                LOG.warn("Left /{} out of the Telegram menu: names are 1 to 32 of a-z, 0-9 and _, "
                        + "and a description is needed", command.name());
                continue;
            }
            if (description.length() > 256) {
                description = description.substring(0, 255) + "…";
            }
            commands.add(new BotCommand(name, description));
        }
        if (commands.isEmpty()) {
            return;
        }
        try {
            client.execute(SetMyCommands.builder().commands(commands).build());
        } catch (TelegramApiException e) {
            LOG.warn("Could not register the command menu (setMyCommands); commands still work when typed: {}",
                    mask.describe(e));
        }
    }

    /**
     * The offset of the next poll, on the polling thread: waits while the backlog is full or the
     * last poll brought only updates already held.
     */
    private int nextPollOffset() {
        try {
            return intake.nextPollOffset();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return intake.offset();
        }
    }

    /** Reads the batch the library polled; never throws into the library. */
    private final class Consumer implements LongPollingUpdateConsumer {
        @Override
        public void consume(List<Update> updates) {
            // Called only for a successful poll: Telegram has taken its offset.
            intake.lastPollConfirmed();
            for (Update update : updates) {
                try {
                    take(update);
                } catch (RuntimeException e) {
                    LOG.error("Skipped update {} that could not be handled: {}", update.getUpdateId(),
                            mask.describe(e));
                }
            }
        }
    }

    private void take(Update update) {
        if (closing.get() || update.getUpdateId() == null) {
            return;
        }
        int updateId = update.getUpdateId();
        // The one duplicate check: Telegram gives each message and each button press its own
        // update, so an update id seen before is the only repeat there is.
        if (webhook == null) {
            Intake.Admission admission = intake.admit(updateId);
            if (admission == Intake.Admission.HELD) {
                return;
            }
            if (admission == Intake.Admission.ANSWERED_BEFORE) {
                LOG.debug("Skipped update {}: answered before the restart", updateId);
                return;
            }
        } else if (!services.firstDelivery().first("telegram:update:" + updateId)) {
            // Webhook posts come in any order and to any instance: the shared store dedupes them.
            LOG.debug("Skipped update {}: taken on by this or another instance", updateId);
            return;
        }
        if (update.getCallbackQuery() != null && update.getCallbackQuery().getId() != null) {
            outbox.answerButton(update.getCallbackQuery().getId());
        }
        if (update.getMyChatMember() != null && update.getMyChatMember().getChat() != null
                && update.getMyChatMember().getNewChatMember() != null) {
            LOG.info("The bot is now {} in chat {}", update.getMyChatMember().getNewChatMember().getStatus(),
                    logId(update.getMyChatMember().getChat().getId()));
        }
        reader.read(update).ifPresent(incoming -> enqueue(updateId, incoming));
    }

    private void enqueue(int updateId, Incoming incoming) {
        Runnable answered = () -> { };
        if (webhook == null) {
            // Polling confirms an update to Telegram only once it is answered.
            intake.hold(updateId);
            answered = () -> intake.finish(updateId);
        }
        lanes.submit(incoming.destination().chatId(), new Delivery(incoming, responder, composer, outbox, pacer,
                answered, this::logId));
    }

    /**
     * True while polling works: the last {@code getUpdates} succeeded, no longer ago than the
     * long-poll timeout plus {@link #STALE_POLL_MARGIN}.
     */
    @Override
    public boolean connected() {
        if (webhook != null) {
            return started.get() && !closing.get();
        }
        return started.get() && !closing.get() && session != null && session.isRunning() && backOff.healthy();
    }

    /**
     * Stops polling at once, answers the messages held for up to the grace period (a send under
     * way then still finishes), leaves the rest unconfirmed so Telegram delivers them again, counts
     * them in the log, confirms the offset of the oldest unanswered update, and releases every
     * thread, connection and file. Safe to call more than once.
     */
    @Override
    public void close() {
        if (!started.get() || !closing.compareAndSet(false, true)) {
            return;
        }
        long end = System.nanoTime() + tuning.shutdownGrace().toNanos();
        if (webhook != null) {
            webhook.close(tuning.shutdownGrace());
        }
        stopPolling();
        if (lanes != null) {
            try {
                lanes.awaitIdle(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
                lanes.stop();
                workers.shutdown();
                // A send under way finishes, so whether it arrived is known.
                workers.awaitTermination(Math.min(2_000, tuning.requestTimeout().toMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.shutdownNow();
            int abandoned = lanes.abandonAll();
            leftUnanswered.set(abandoned);
            if (abandoned > 0 && webhook != null) {
                LOG.warn("Telegram: {} messages taken in by webhook were not answered within the {} s grace; they are"
                        + " lost, since Telegram does not post an update again once it was accepted", abandoned,
                        tuning.shutdownGrace().toSeconds());
            } else if (abandoned > 0) {
                LOG.warn("Telegram: {} of the {} messages taken in were not answered within the {} s grace; they are"
                        + " left unconfirmed, so Telegram delivers them again after a restart", abandoned,
                        intake.taken(), tuning.shutdownGrace().toSeconds());
            }
            LOG.info("Telegram: answered {} of the {} messages taken in since start", intake.finished(),
                    intake.taken());
        }
        confirmOffset();
        shutDownClients();
        if (answeredIds != null) {
            answeredIds.close();
        }
        LOG.info("Telegram adapter stopped");
    }

    /** How many messages taken in were left unanswered (and unconfirmed) at close. */
    @Override
    public long unansweredAtClose() {
        return leftUnanswered.get();
    }

    private void stopPolling() {
        if (intake != null) {
            intake.stop();
        }
        if (backOff != null) {
            backOff.stop();
        }
        if (session != null) {
            session.stop();
        }
        pollingSockets.closeAll();
        if (pollExecutor != null) {
            pollExecutor.shutdownNow();
            try {
                if (!pollExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("The polling thread did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Tells Telegram that every update before the oldest unanswered one is done with: an update
     * counts as confirmed once {@code getUpdates} is called with a higher offset. Without this a
     * restart would get them again (and skip them, as answered, but only after fetching them).
     */
    private void confirmOffset() {
        if (client == null || intake == null || intake.offset() <= 1) {
            return;
        }
        int offset = intake.offset();
        // Confirming is idempotent, so a failed attempt may simply be repeated.
        for (int attempt = 1; ; attempt++) {
            try {
                client.execute(GetUpdates.builder().offset(offset).limit(1).timeout(0).build());
                intake.confirmed(offset);
                LOG.debug("Confirmed updates before {}", offset);
                return;
            } catch (TelegramApiException e) {
                sendHttp.connectionPool().evictAll();
                if (attempt == 3 || e instanceof TelegramApiRequestException) {
                    LOG.warn("Could not confirm updates before {}; a restart fetches them again and skips those"
                            + " answered: {}", offset, mask.describe(e));
                    return;
                }
            }
        }
    }

    private void shutDownClients() {
        if (pollExecutor != null) {
            pollExecutor.shutdownNow();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        for (OkHttpClient http : new OkHttpClient[] {pollHttp, sendHttp}) {
            if (http != null) {
                http.dispatcher().cancelAll();
                http.connectionPool().evictAll();
            }
        }
        if (sendDispatch != null) {
            sendDispatch.shutdownNow();
        }
    }
}
