package dev.careerbot.channel.discord;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether every shard reached READY, or why the gateway gave up. A close that cannot be resumed
 * (4004 token refused, 4014 intent not granted, ...) becomes one clear error with what to fix,
 * instead of JDA's reconnect loop or a silent stop.
 */
final class ShardReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(ShardReadiness.class);

    private final CountDownLatch ready;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean closing;

    ShardReadiness(int shards) {
        this.ready = new CountDownLatch(shards);
    }

    void ready(int shardId) {
        LOG.info("Discord shard {} is ready", shardId);
        ready.countDown();
    }

    /** A shard shut down; unless we are closing, that is a failure to report. */
    void shutDown(int shardId, int closeCode) {
        if (closing) {
            return;
        }
        String problem = explain(closeCode);
        if (failure.compareAndSet(null, problem)) {
            LOG.error("Discord shard {} stopped: {}", shardId, problem);
        }
    }

    void closing() {
        closing = true;
    }

    boolean failed() {
        return failure.get() != null;
    }

    /**
     * Waits until every shard is ready; throws with the reason when one gave up or time ran out.
     *
     * @param progress where the shards got to (JDA's status of each), for the message when time runs out
     */
    void await(Duration timeout, Supplier<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String problem = failure.get();
                if (problem != null) {
                    throw new DiscordException(problem);
                }
                if (ready.await(50, TimeUnit.MILLISECONDS)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new DiscordException("Discord did not become ready within " + timeout.toSeconds()
                            + " s (" + progress.get() + "); check the network and adapters.discord.gateway_url");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscordException("Interrupted while waiting for Discord to become ready", e);
        }
    }

    static String explain(int closeCode) {
        return switch (closeCode) {
            case 4004 -> "Discord refused the bot token (gateway close 4004): copy the token from the developer"
                    + " portal (Bot > Reset Token) into DISCORD_TOKEN";
            case 4014 -> "Discord refused the MESSAGE_CONTENT intent (gateway close 4014): enable Message Content"
                    + " in the developer portal or switch it off in config (the switch is under Bot > Privileged"
                    + " Gateway Intents; the config key is adapters.discord.message_content_intent)";
            case 4013 -> "Discord refused the gateway intents as invalid (gateway close 4013)";
            case 4010, 4011 -> "Discord wants a different number of shards (gateway close " + closeCode
                    + "): set adapters.discord.shards to the count the developer portal recommends";
            case 4012 -> "Discord refused the gateway API version (gateway close 4012): update JDA";
            case 1000 -> "JDA shut the Discord connection down (close code 1000); the lines logged before say why";
            default -> "the Discord gateway closed with code " + closeCode + " and the session cannot be resumed";
        };
    }
}
