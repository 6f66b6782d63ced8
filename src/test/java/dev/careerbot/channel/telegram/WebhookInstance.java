package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.careerbot.RunningJar;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real jar in Telegram webhook mode on a free port, replying through a fake Bot API, the lexical
 * matcher for a quick start; the caller adds the rest of the config (state, limits, http). Posts
 * updates to it as Telegram (or a proxy in front) would.
 */
record WebhookInstance(String name, RunningJar jar, int webhookPort) {

    static final String SECRET = "webhook-instance_secret-0123456789";
    private static final Duration STARTED = Duration.ofSeconds(120);
    private static final Pattern LISTENING = Pattern.compile("received on 127\\.0\\.0\\.1:([0-9]+)/hook");

    /** Starts the jar in {@code folder} (its config goes there); {@link #await} waits until it listens. */
    static RunningJar start(Path folder, FakeBotApi api, String moreConfig, Map<String, String> environment)
            throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("careerbot.yml"), """
                knowledge_base: ../knowledge.yml
                matcher:
                  mode: lexical
                adapters:
                  telegram:
                    enabled: true
                    token: ${TELEGRAM_TOKEN}
                    api_url: %s
                    mode: webhook
                    webhook_url: https://bot.example.org/hook
                    webhook_listen: 127.0.0.1:0
                    webhook_secret: ${WEBHOOK_SECRET}
                    pacing: false
                reload:
                  watch: false
                """.formatted(api.url()) + moreConfig);
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("TELEGRAM_TOKEN", TelegramTestBot.TOKEN);
        variables.put("WEBHOOK_SECRET", SECRET);
        return RunningJar.start(folder, variables, "run", "--config", "careerbot.yml");
    }

    static WebhookInstance await(String name, RunningJar jar) throws InterruptedException {
        jar.awaitWhileRunning(() -> LISTENING.matcher(jar.stderr()).find(), STARTED,
                "instance " + name + " listening for webhooks");
        Matcher port = LISTENING.matcher(jar.stderr());
        assertTrue(port.find());
        return new WebhookInstance(name, jar, Integer.parseInt(port.group(1)));
    }

    /** A person's message as the update Telegram posts; the same text may be posted to several instances. */
    static String update(FakeBotApi api, int updateId, FakeChat chat, FakeUser from, String text) {
        ObjectNode update = FakeBotApi.json("{}");
        update.put("update_id", updateId);
        update.set("message", api.message(chat, from, text).json());
        return update.toString();
    }

    /** Posts an update with the secret; returns the HTTP status. */
    int post(HttpClient http, String update) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhookPort + "/hook"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header(WebhookReceiver.SECRET_HEADER, SECRET).POST(HttpRequest.BodyPublishers.ofString(update))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
