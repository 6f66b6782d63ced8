package dev.careerbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.yaml.YamlSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of several instances: {@code state}, Telegram's webhook mode and Discord's shard ids. */
class ScalingConfigTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("TELEGRAM_TOKEN", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
            "REDIS_URL", "redis://:s3cret-pass@127.0.0.1:6390/2", "HOOK_SECRET", "a-long_random-secret",
            "DISCORD_TOKEN", "x.y.z");

    @TempDir
    Path folder;

    @BeforeEach
    void writeKnowledgeBase() throws IOException {
        Files.writeString(folder.resolve("knowledge.yml"), "intents: []\n");
    }

    private BotConfig load(String yaml) throws IOException {
        return new ConfigLoader(ENVIRONMENT).load(YamlSource.file(Files.writeString(folder.resolve("c.yml"), yaml)))
                .config();
    }

    private List<String> errors(String yaml) throws IOException {
        YamlSource source = YamlSource.file(Files.writeString(folder.resolve("c.yml"), yaml));
        return assertThrows(ConfigException.class, () -> new ConfigLoader(ENVIRONMENT).load(source)).problems();
    }

    private String at(int line) {
        return folder.resolve("c.yml") + ":" + line + ": ";
    }

    @Test
    void stateIsInMemoryUnlessTheConfigSaysRedis() throws IOException {
        assertEquals(StateSettings.defaults(), load("knowledge_base: knowledge.yml\n").state());
        StateSettings redis = load("""
                state:
                  store: redis
                  redis_url: ${REDIS_URL}
                  key_prefix: "careers:"
                  timeout_ms: 300
                """).state();
        assertEquals(StateSettings.Store.REDIS, redis.store());
        assertEquals("redis://:s3cret-pass@127.0.0.1:6390/2", redis.redisUrl().value());
        assertFalse(redis.toString().contains("s3cret"), "the URL's password never shows");
        assertEquals("careers:", redis.keyPrefix());
        assertEquals(Duration.ofMillis(300), redis.timeout());
    }

    @Test
    void reportsEveryWrongStateKeyWithItsLine() throws IOException {
        List<String> errors = errors("""
                state:
                  store: valkey
                  redis_url: http://127.0.0.1
                  key_prefix: "a b"
                  timeout_ms: 9000
                """);
        assertTrue(errors.contains(at(2) + "state.store must be memory or redis, but is 'valkey'"), errors.toString());
        assertTrue(errors.stream().anyMatch(error -> error.startsWith(at(4) + "state.key_prefix")), errors.toString());
        assertTrue(errors.stream().anyMatch(error -> error.startsWith(at(5)) && error.contains("timeout_ms")),
                errors.toString());
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors("state:\n  store: redis\n  redis_url: http://127.0.0.1:6379\n").get(0)
                .startsWith(at(3) + "state.redis_url must be redis://"));
    }

    @Test
    void readsTheWebhookModeOfTelegram() throws IOException {
        TelegramSettings telegram = load("""
                adapters:
                  telegram:
                    enabled: true
                    token: ${TELEGRAM_TOKEN}
                    mode: webhook
                    webhook_url: https://bot.example.org/telegram/hook
                    webhook_listen: 127.0.0.1:8443
                    webhook_secret: ${HOOK_SECRET}
                """).telegram();
        assertTrue(telegram.webhook().enabled());
        assertEquals("/telegram/hook", telegram.webhook().path());
        assertEquals("127.0.0.1", telegram.webhook().host());
        assertEquals(8443, telegram.webhook().port());
        assertEquals("a-long_random-secret", telegram.webhook().secret().value());
        assertFalse(load("adapters:\n  telegram:\n    enabled: true\n    token: ${TELEGRAM_TOKEN}\n").telegram()
                .webhook().enabled(), "long polling by default");
    }

    @Test
    void webhookModeNeedsAUrlAndASecretTelegramAccepts() throws IOException {
        List<String> errors = errors("""
                adapters:
                  telegram:
                    enabled: true
                    token: ${TELEGRAM_TOKEN}
                    mode: webhook
                    webhook_listen: example.org:80
                    webhook_secret: "has spaces"
                """);
        assertTrue(errors.stream().anyMatch(error -> error.startsWith(at(5)) && error.contains("webhook_url is needed")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(error -> error.startsWith(at(6)) && error.contains("webhook_listen")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(error -> error.startsWith(at(7)) && error.contains("webhook_secret")),
                errors.toString());
        assertTrue(errors("adapters:\n  telegram:\n    enabled: true\n    token: ${TELEGRAM_TOKEN}\n    mode: hook\n")
                .contains(at(5) + "adapters.telegram.mode must be polling or webhook, but is 'hook'"));
    }

    @Test
    void readsDiscordShardIdsAsIdsAndRanges() throws IOException {
        DiscordSettings discord = load("""
                adapters:
                  discord:
                    enabled: true
                    token: ${DISCORD_TOKEN}
                    shards: 8
                    shard_ids: [0-2, 5]
                """).discord();
        assertEquals(List.of(0, 1, 2, 5), discord.shardIds());
        assertEquals(List.of(0, 1, 2, 5), discord.ownShards());
    }

    @Test
    void reportsShardIdsOutsideTheTotalOrTwice() throws IOException {
        List<String> errors = errors("""
                adapters:
                  discord:
                    enabled: true
                    token: ${DISCORD_TOKEN}
                    shards: 4
                    shard_ids:
                      - 0-1
                      - 1
                      - 3-4
                      - some
                """);
        assertEquals(List.of(at(8) + "adapters.discord.shard_ids names shard 1 twice",
                at(9) + "adapters.discord.shard_ids has 3-4, but shard ids run from 0 to 3 with adapters.discord.shards:"
                        + " 4 (write the first id before the last)",
                at(10) + "each item of adapters.discord.shard_ids must be a shard id or a range such as 0-3, but is"
                        + " 'some'"), errors);
    }
}
