package dev.careerbot.channel.discord;

import dev.careerbot.channel.AdapterServices;
import dev.careerbot.channel.ChatAdapter;
import dev.careerbot.config.DiscordSettings;
import dev.careerbot.message.Responder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CareerBot on Discord, through JDA.
 *
 * <p>{@link #start()} logs in with JDA's {@code DefaultShardManager} (one shard unless
 * {@code adapters.discord.shards} says more; the same code path either way), waits until every
 * shard is READY, and registers the slash commands. With {@code adapters.discord.shard_ids} the
 * process runs only those shards of the total, so several processes serve one bot: Discord sends
 * each server's events to shard {@code (guild_id >> 22) % shards}, and so to exactly one process. A token Discord refuses or a privileged intent
 * it does not grant fails {@code start()} with a {@link DiscordException} saying what to fix.
 * Dropped gateway connections are resumed by JDA, which replays what was missed.
 *
 * <p>The gateway speaks uncompressed JSON ({@code Compression.NONE}): a career bot's traffic is
 * small, and a gateway other than Discord's (set with {@code adapters.discord.gateway_url}) needs
 * to speak no zlib.
 */
public final class DiscordAdapter implements ChatAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);

    private final DiscordSettings settings;
    private final Responder responder;
    private final DiscordTuning tuning;
    private final ShardReadiness readiness;
    private final Deliveries deliveries = new Deliveries();
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private volatile ShardManager shards;
    private volatile boolean closed;
    private final AdapterServices services;

    /** The adapter as {@code run} builds it: channel and user ids in logs as salted hashes. */
    public DiscordAdapter(DiscordSettings settings, Responder responder, AdapterServices services) {
        this(settings, responder, DiscordTuning.defaults(), services);
    }

    DiscordAdapter(DiscordSettings settings, Responder responder, DiscordTuning tuning) {
        this(settings, responder, tuning, AdapterServices.standalone(Duration.ofSeconds(10)));
    }

    DiscordAdapter(DiscordSettings settings, Responder responder, DiscordTuning tuning, AdapterServices services) {
        this.services = Objects.requireNonNull(services, "services");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.readiness = new ShardReadiness(settings.ownShards().size());
        this.workers = Executors.newFixedThreadPool(tuning.workers(), named("discord-answer"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("discord-defer"));
    }

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public synchronized void start() {
        if (shards != null || closed) {
            throw new IllegalStateException("The Discord adapter was started before; make a new one");
        }
        // The config loader checked the settings; they are used as they are.
        String token = settings.token().value();
        Optional<String> gatewayUrl = settings.gatewayUrl().map(URI::toString);
        Optional<String> restUrl = settings.restUrl().map(URI::toString);
        LOG.info("Connecting to Discord with {}{}{}", shardsDescribed(),
                gatewayUrl.map(url -> ", gateway " + url).orElse(""), restUrl.map(url -> ", REST " + url).orElse(""));
        if (!settings.messageContentIntent()) {
            // Mentions, replies that ping and DMs carry their text without the intent; JDA would
            // otherwise warn on the first read as if the text were always hidden.
            Message.suppressContentIntentWarning();
        }
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(token, intents())
                .setShardsTotal(settings.shards())
                .setShards(settings.ownShards().stream().mapToInt(Integer::intValue).toArray())
                .setSessionController(new GatewaySessionController(gatewayUrl, tuning.identifyDelay()))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(new DiscordListener(responder, readiness, deliveries, workers, timer,
                        tuning.deferAfter(), services.ids()));
        restUrl.ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(withSlash(url))));
        try {
            shards = builder.build();
        } catch (InvalidTokenException e) {
            readiness.closing();
            stopThreads();
            throw new DiscordException("Discord refused the bot token (HTTP 401): copy the token from the developer"
                    + " portal (Bot > Reset Token) into DISCORD_TOKEN");
        } catch (RuntimeException e) {
            readiness.closing();
            stopThreads();
            throw new DiscordException("Could not log in to Discord: " + e.getMessage(), e);
        }
        try {
            readiness.await(tuning.readyTimeout(), this::shardStatuses);
        } catch (DiscordException e) {
            close();
            throw e;
        }
        registerCommands();
    }

    /** JDA's status of each shard, such as "shard 0: CONNECTING_TO_WEBSOCKET". */
    private String shardStatuses() {
        ShardManager current = shards;
        if (current == null) {
            return "no shard started";
        }
        return current.getShards().stream()
                .sorted(Comparator.comparingInt(shard -> shard.getShardInfo().getShardId()))
                .map(shard -> "shard " + shard.getShardInfo().getShardId() + ": " + shard.getStatus())
                .collect(Collectors.joining(", "));
    }

    @Override
    public boolean connected() {
        ShardManager current = shards;
        return current != null && !closed && !readiness.failed()
                && current.getShards().size() == settings.ownShards().size()
                && current.getShards().stream().allMatch(shard -> shard.getStatus() == JDA.Status.CONNECTED);
    }

    /** The shards this process runs, for the health endpoint: with several processes each runs a range. */
    @Override
    public String healthDetail() {
        return shardsDescribed();
    }

    private String shardsDescribed() {
        List<Integer> own = settings.ownShards();
        return own.size() == settings.shards() ? "shards: all " + settings.shards()
                : "shards " + own.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " of "
                        + settings.shards();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        readiness.closing();
        stopThreads();
        ShardManager current = shards;
        if (current == null) {
            return;
        }
        List<JDA> running = new ArrayList<>(current.getShards());
        try {
            if (!deliveries.awaitIdle(tuning.shutdownWait())) {
                LOG.warn("Some Discord answers were still being sent at shutdown and may be cut short");
            }
            current.shutdown();
            for (JDA shard : running) {
                if (!shard.awaitShutdown(tuning.shutdownWait())) {
                    LOG.warn("Discord shard {} did not stop within {} s; forcing it",
                            shard.getShardInfo().getShardId(), tuning.shutdownWait().toSeconds());
                    shard.shutdownNow();
                    shard.awaitShutdown(tuning.shutdownWait());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.shutdown();
            running.forEach(JDA::shutdownNow);
        }
        LOG.info("Disconnected from Discord");
    }

    /**
     * Registers the slash commands (global commands, through shard 0, so with several processes only
     * the one running shard 0 does) and waits for Discord's answer once, so {@code start()} returns
     * with the commands in place; a refusal is logged and the bot runs on without them.
     */
    private void registerCommands() {
        JDA first = shards.getShardById(0);
        if (first == null) {
            LOG.info("The slash commands are registered by the process that runs Discord shard 0");
            return;
        }
        try {
            int registered = first.updateCommands()
                    .addCommands(SlashCommands.definitions(responder.commands()))
                    .submit()
                    .get(tuning.readyTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            LOG.info("Registered {} slash commands on Discord", registered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while registering the slash commands on Discord");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("Could not register the slash commands on Discord; the bot runs without them: {}",
                    cause.toString());
        }
    }

    /** Stops taking new work and lets answers in flight finish (their sends are queued in JDA). */
    private void stopThreads() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(tuning.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Some Discord answers were still being worked out at shutdown and are dropped");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        timer.shutdownNow();
    }

    private EnumSet<GatewayIntent> intents() {
        // JDA always adds the GUILDS intent, which brings the servers and channels messages refer to.
        EnumSet<GatewayIntent> intents =
                EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);
        if (settings.messageContentIntent()) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        return intents;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
