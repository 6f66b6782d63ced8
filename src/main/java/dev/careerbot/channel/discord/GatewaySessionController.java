package dev.careerbot.channel.discord;

import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * JDA's session controller with two settings of ours: the gateway URL (Discord's own unless
 * {@code adapters.discord.gateway_url} points elsewhere) and the pause between two IDENTIFYs
 * (Discord's five seconds in production, shorter against a test gateway).
 *
 * <p>{@code JDABuilder} asks {@link #getGateway()}; the shard manager asks
 * {@link #getShardedGateway(JDA)}, which still calls {@code GET /gateway/bot} for the shard count
 * and concurrency and then swaps in the configured URL.
 */
final class GatewaySessionController extends SessionControllerAdapter {

    private final Optional<String> gatewayUrl;
    private final Duration identifyDelay;

    GatewaySessionController(Optional<String> gatewayUrl, Duration identifyDelay) {
        this.gatewayUrl = gatewayUrl;
        this.identifyDelay = identifyDelay;
    }

    @Override
    public String getGateway() {
        return gatewayUrl.orElseGet(super::getGateway);
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway discord = super.getShardedGateway(api);
        return new ShardedGateway(
                gatewayUrl.orElse(discord.getUrl()), discord.getShardTotal(), discord.getConcurrency());
    }

    @Override
    protected void runWorker() {
        synchronized (lock) {
            if (workerHandle == null) {
                workerHandle = new QueueWorker(identifyDelay.toMillis());
                workerHandle.start();
            }
        }
    }
}
