package dev.careerbot.channel.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON objects the fake Discord sends, with the fields JDA 6 reads (see JDA's
 * {@code EntityBuilder}, {@code ReadyHandler}, {@code InteractionImpl}). Every role carries
 * {@code colors.primary_color} and the guild a valid {@code afk_timeout}, or JDA drops the guild.
 */
final class DiscordPayloads {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String BOT_ID = "900000000000000001";
    static final String APP_ID = "900000000000000001";
    static final String GUILD_ID = "800000000000000001";
    static final String CHANNEL_ID = "700000000000000001";
    static final String THREAD_ID = "700000000000000002";
    static final String DM_CHANNEL_ID = "600000000000000001";
    static final String USER_ID = "500000000000000001";
    static final String OTHER_BOT_ID = "500000000000000099";
    static final String TIMESTAMP = "2025-01-01T00:00:00.000000+00:00";

    private static final long DISCORD_EPOCH = 1420070400000L;

    private DiscordPayloads() {}

    /** A snowflake for now, so JDA sees fresh interactions (their hooks expire after 15 minutes). */
    static String snowflake(long counter) {
        return Long.toString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (counter & 0x3FFFFF));
    }

    static ObjectNode user(String id, String name, boolean bot) {
        ObjectNode user = JSON.createObjectNode()
                .put("id", id)
                .put("username", name)
                .put("discriminator", "0")
                .put("public_flags", 0)
                .put("bot", bot);
        user.putNull("global_name");
        user.putNull("avatar");
        return user;
    }

    static ObjectNode botUser() {
        return user(BOT_ID, "CareerBot", true).put("verified", true).put("mfa_enabled", false).put("flags", 0);
    }

    static ObjectNode person() {
        return user(USER_ID, "asker", false);
    }

    static ObjectNode member(ObjectNode user) {
        ObjectNode member = JSON.createObjectNode();
        if (user != null) {
            member.set("user", user);
        }
        member.putArray("roles");
        member.put("joined_at", TIMESTAMP).put("deaf", false).put("mute", false).put("flags", 0)
                .put("pending", false);
        member.putNull("nick");
        member.putNull("avatar");
        member.putNull("premium_since");
        member.putNull("communication_disabled_until");
        return member;
    }

    static ObjectNode ready(String sessionId, String resumeUrl, int shardId, int shardTotal) {
        ObjectNode ready = JSON.createObjectNode().put("v", 10);
        ready.set("user", botUser());
        ready.putArray("guilds").addObject().put("id", GUILD_ID).put("unavailable", true);
        ready.put("session_id", sessionId).put("resume_gateway_url", resumeUrl).put("session_type", "normal");
        ready.putArray("shard").add(shardId).add(shardTotal);
        ready.putObject("application").put("id", APP_ID).put("flags", 0);
        ready.putArray("private_channels");
        ready.putArray("presences");
        ready.putArray("relationships");
        ready.putArray("guild_join_requests");
        ready.putArray("geo_ordered_rtc_regions");
        ready.putObject("user_settings");
        ready.putObject("auth");
        return ready;
    }

    static ObjectNode textChannel() {
        ObjectNode channel = JSON.createObjectNode()
                .put("id", CHANNEL_ID).put("type", 0).put("guild_id", GUILD_ID).put("name", "careers")
                .put("position", 0).put("nsfw", false).put("rate_limit_per_user", 0).put("flags", 0);
        channel.putArray("permission_overwrites");
        channel.putNull("parent_id");
        channel.putNull("topic");
        channel.putNull("last_message_id");
        return channel;
    }

    static ObjectNode thread() {
        ObjectNode thread = JSON.createObjectNode()
                .put("id", THREAD_ID).put("type", 11).put("guild_id", GUILD_ID).put("parent_id", CHANNEL_ID)
                .put("owner_id", USER_ID).put("name", "career-questions").put("message_count", 0)
                .put("member_count", 1).put("rate_limit_per_user", 0).put("flags", 0).put("total_message_sent", 0);
        thread.putNull("last_message_id");
        thread.putObject("thread_metadata").put("archived", false).put("archive_timestamp", TIMESTAMP)
                .put("auto_archive_duration", 1440).put("locked", false).put("create_timestamp", TIMESTAMP);
        return thread;
    }

    static ObjectNode dmChannel() {
        ObjectNode channel = JSON.createObjectNode().put("id", DM_CHANNEL_ID).put("type", 1).put("flags", 0);
        channel.putNull("last_message_id");
        channel.putArray("recipients").add(person());
        return channel;
    }

    static ObjectNode guildCreate() {
        ObjectNode guild = JSON.createObjectNode()
                .put("id", GUILD_ID).put("name", "AI Careers").put("owner_id", USER_ID)
                .put("afk_timeout", 300).put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0)
                .put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("premium_progress_bar_enabled", false).put("preferred_locale", "en-US")
                .put("system_channel_flags", 0).put("max_members", 500000).put("member_count", 2)
                .put("large", false).put("unavailable", false).put("joined_at", TIMESTAMP).put("lazy", true);
        for (String absent : new String[] {"icon", "splash", "discovery_splash", "afk_channel_id",
                "system_channel_id", "rules_channel_id", "public_updates_channel_id", "safety_alerts_channel_id",
                "vanity_url_code", "description", "banner"}) {
            guild.putNull(absent);
        }
        guild.putArray("features");
        ObjectNode everyone = guild.putArray("roles").addObject()
                .put("id", GUILD_ID).put("name", "@everyone").put("color", 0).put("hoist", false)
                .put("position", 0).put("permissions", "274982231617").put("managed", false)
                .put("mentionable", false).put("flags", 0);
        everyone.putNull("icon");
        everyone.putNull("unicode_emoji");
        ObjectNode colors = everyone.putObject("colors").put("primary_color", 0);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        guild.putArray("emojis");
        guild.putArray("stickers");
        guild.putArray("soundboard_sounds");
        guild.putArray("members").add(member(botUser()));
        guild.putArray("channels").add(textChannel());
        guild.putArray("threads").add(thread());
        guild.putArray("presences");
        guild.putArray("voice_states");
        guild.putArray("stage_instances");
        guild.putArray("guild_scheduled_events");
        return guild;
    }

    /**
     * Another server, with one text channel and no thread, for tests with several servers (and
     * so several shards).
     */
    static ObjectNode guildCreate(String guildId, String channelId) {
        ObjectNode guild = guildCreate();
        guild.put("id", guildId).put("name", "Server " + guildId);
        ((ObjectNode) guild.get("roles").get(0)).put("id", guildId);
        ObjectNode channel = textChannel().put("id", channelId).put("guild_id", guildId);
        guild.putArray("channels").add(channel);
        guild.putArray("threads");
        return guild;
    }

    /** A server id whose events Discord sends to this shard of so many. */
    static String guildOnShard(int shard, int shardTotal, int nth) {
        long timestampPart = 1000L * shardTotal + shard + (long) nth * shardTotal;
        return Long.toString((timestampPart << 22) | 1);
    }

    /** A message as Discord sends it in MESSAGE_CREATE and returns from the REST API. */
    static ObjectNode message(String id, String channelId, boolean inGuild, ObjectNode author, String content) {
        ObjectNode message = JSON.createObjectNode()
                .put("id", id).put("channel_id", channelId).put("content", content).put("timestamp", TIMESTAMP)
                .put("tts", false).put("mention_everyone", false).put("pinned", false).put("type", 0)
                .put("flags", 0);
        message.set("author", author);
        if (inGuild) {
            message.put("guild_id", GUILD_ID);
            message.set("member", member(null));
        }
        message.putNull("edited_timestamp");
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        return message;
    }

    static ObjectNode mentioning(ObjectNode message, ObjectNode mentioned) {
        ((ArrayNode) message.get("mentions")).add(mentioned.deepCopy());
        return message;
    }

    static ObjectNode replyingTo(ObjectNode message, ObjectNode referenced) {
        message.put("type", 19);
        message.putObject("message_reference").put("type", 0).put("message_id", referenced.get("id").asText())
                .put("channel_id", referenced.get("channel_id").asText()).put("guild_id", GUILD_ID);
        message.set("referenced_message", referenced);
        return message;
    }

    /** An INTERACTION_CREATE for a slash command or a button, in the server channel or the DM. */
    static ObjectNode interaction(String id, String token, int type, ObjectNode data, boolean inGuild) {
        ObjectNode interaction = JSON.createObjectNode()
                .put("id", id).put("application_id", APP_ID).put("type", type).put("token", token)
                .put("version", 1).put("locale", "en-US").put("app_permissions", "2248473465835073")
                .put("attachment_size_limit", 8388608);
        interaction.set("data", data);
        interaction.putArray("entitlements");
        if (inGuild) {
            interaction.put("guild_id", GUILD_ID).put("channel_id", CHANNEL_ID).put("guild_locale", "en-US")
                    .put("context", 0);
            interaction.putObject("guild").put("id", GUILD_ID).put("locale", "en-US").putArray("features");
            interaction.set("channel", textChannel());
            interaction.set("member", member(person()).put("permissions", "2248473465835073"));
            interaction.putObject("authorizing_integration_owners").put("0", GUILD_ID);
        } else {
            interaction.put("channel_id", DM_CHANNEL_ID).put("context", 1);
            interaction.set("channel", dmChannel());
            interaction.set("user", person());
            interaction.putObject("authorizing_integration_owners").put("0", GUILD_ID);
        }
        return interaction;
    }

    static ObjectNode slashData(String name, String optionName, String value) {
        ObjectNode data = JSON.createObjectNode().put("id", "300000000000000001").put("name", name).put("type", 1);
        ArrayNode options = data.putArray("options");
        if (optionName != null) {
            options.addObject().put("name", optionName).put("type", 3).put("value", value);
        }
        return data;
    }

    static ObjectNode buttonData(String customId) {
        return JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
    }
}
