package dev.careerbot.channel.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.careerbot.config.DiscordSettings;
import dev.careerbot.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A whole Discord on loopback for one test: the REST API and the gateway, one server with one
 * text channel and one thread, a person who writes, and helpers that make that person write in
 * the channel, in a thread, in a direct message, run a slash command or click a button.
 */
final class FakeDiscord implements AutoCloseable {

    static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.Gq1xYz.s3cr3t-t0ken-value-for-tests";

    final FakeGateway gateway;
    final FakeRest rest;
    private final AtomicLong ids = new AtomicLong();

    FakeDiscord() throws IOException {
        gateway = new FakeGateway(TOKEN);
        gateway.start();
        rest = new FakeRest(TOKEN, this::gatewayUrl);
        awaitGatewayBound();
    }

    String gatewayUrl() {
        return gateway.url();
    }

    DiscordSettings settings(boolean messageContentIntent) {
        return settings(messageContentIntent, 1);
    }

    DiscordSettings settings(boolean messageContentIntent, int shards) {
        return new DiscordSettings(true, new Secret(TOKEN), messageContentIntent, shards, Optional.of(URI.create(rest.url())),
                Optional.of(URI.create(gatewayUrl())));
    }

    /**
     * Puts the bot in {@code perShard} servers on every one of {@code shards} shards (one text
     * channel each); returns server id to channel id.
     */
    java.util.Map<String, String> serversOnEveryShard(int shards, int perShard) {
        java.util.Map<String, String> servers = new java.util.TreeMap<>();
        java.util.List<ObjectNode> guilds = new java.util.ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            for (int nth = 0; nth < perShard; nth++) {
                String guild = DiscordPayloads.guildOnShard(shard, shards, nth);
                String channel = nextId();
                servers.put(guild, channel);
                guilds.add(DiscordPayloads.guildCreate(guild, channel));
            }
        }
        gateway.guilds(guilds);
        return servers;
    }

    String nextId() {
        return DiscordPayloads.snowflake(ids.incrementAndGet());
    }

    /** The person writes in the server channel; returns the message id. */
    String sayInChannel(String content, boolean mentionBot) {
        return say(DiscordPayloads.CHANNEL_ID, content, mentionBot);
    }

    /** The person mentions the bot in the text channel of another server; returns the message id. */
    String sayInServer(String guildId, String channelId, String content) {
        String id = nextId();
        ObjectNode message = DiscordPayloads.message(id, channelId, true, DiscordPayloads.person(),
                "<@" + DiscordPayloads.BOT_ID + "> " + content);
        message.put("guild_id", guildId);
        gateway.dispatch("MESSAGE_CREATE", DiscordPayloads.mentioning(message, DiscordPayloads.botUser()));
        return id;
    }

    String sayInThread(String content) {
        return say(DiscordPayloads.THREAD_ID, content, true);
    }

    private String say(String channelId, String content, boolean mentionBot) {
        String id = nextId();
        ObjectNode message = DiscordPayloads.message(id, channelId, true, DiscordPayloads.person(),
                mentionBot ? "<@" + DiscordPayloads.BOT_ID + "> " + content : content);
        if (mentionBot) {
            DiscordPayloads.mentioning(message, DiscordPayloads.botUser());
        }
        gateway.dispatch("MESSAGE_CREATE", message);
        return id;
    }

    /** The person answers one of the bot's messages with Discord's reply feature, without a ping. */
    String replyToBot(String content) {
        String id = nextId();
        ObjectNode earlier = DiscordPayloads.message(nextId(), DiscordPayloads.CHANNEL_ID, true,
                DiscordPayloads.botUser(), "An earlier answer");
        gateway.dispatch("MESSAGE_CREATE", DiscordPayloads.replyingTo(
                DiscordPayloads.message(id, DiscordPayloads.CHANNEL_ID, true, DiscordPayloads.person(), content),
                earlier));
        return id;
    }

    String botSays(String content) {
        String id = nextId();
        gateway.dispatch("MESSAGE_CREATE", DiscordPayloads.mentioning(DiscordPayloads.message(id,
                DiscordPayloads.CHANNEL_ID, true, DiscordPayloads.user(DiscordPayloads.OTHER_BOT_ID, "otherbot", true),
                "<@" + DiscordPayloads.BOT_ID + "> " + content), DiscordPayloads.botUser()));
        return id;
    }

    String sayInDirectMessage(String content) {
        String id = nextId();
        gateway.dispatch("MESSAGE_CREATE", DiscordPayloads.message(id, DiscordPayloads.DM_CHANNEL_ID, false,
                DiscordPayloads.person(), content));
        return id;
    }

    /** Runs a slash command; returns the interaction id. */
    String slash(String name, String optionName, String value, boolean inGuild) {
        String id = nextId();
        gateway.dispatch("INTERACTION_CREATE", DiscordPayloads.interaction(id, "token-" + id, 2,
                DiscordPayloads.slashData(name, optionName, value), inGuild));
        return id;
    }

    /** Clicks a button with this custom id under one of the bot's messages; returns the interaction id. */
    String click(String customId, boolean inGuild) {
        String id = nextId();
        ObjectNode interaction = DiscordPayloads.interaction(id, "token-" + id, 3,
                DiscordPayloads.buttonData(customId), inGuild);
        ObjectNode message = DiscordPayloads.message(nextId(),
                inGuild ? DiscordPayloads.CHANNEL_ID : DiscordPayloads.DM_CHANNEL_ID, inGuild,
                DiscordPayloads.botUser(), "An earlier answer");
        message.putArray("components").addObject().put("type", 1).putArray("components").addObject()
                .put("type", 2).put("style", 2).put("label", "A topic").put("custom_id", customId);
        interaction.set("message", message);
        gateway.dispatch("INTERACTION_CREATE", interaction);
        return id;
    }

    private void awaitGatewayBound() throws IOException {
        long deadline = System.currentTimeMillis() + 5000;
        while (gateway.getPort() <= 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("the fake gateway did not start");
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() throws InterruptedException {
        rest.close();
        gateway.stop(1000);
    }
}
