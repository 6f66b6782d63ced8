package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.IdleClosingProxy;
import dev.careerbot.config.DiscordSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * JDA's HTTP client against a Discord REST server that closes keep-alive connections idle for
 * 5 s, as Node and Apache do: a reply after a 7 s quiet spell still arrives, once.
 */
class DiscordIdleConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aReplyAfterAQuietSpellArrivesOnceThroughAServerClosingIdleConnections() throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            FakeDiscord discord = new FakeDiscord();
            String restUrl = discord.rest.url();
            int restPort = Integer.parseInt(restUrl.replaceAll("^http://127\\.0\\.0\\.1:(\\d+)/.*$", "$1"));
            try (IdleClosingProxy server = IdleClosingProxy.start(restPort, Duration.ofSeconds(5))) {
                DiscordSettings direct = discord.settings(false);
                DiscordSettings throughTheServer = new DiscordSettings(true, direct.token(),
                        direct.messageContentIntent(), 1,
                        Optional.of(URI.create("http://127.0.0.1:" + server.port() + "/api/v10/")), direct.gatewayUrl());
                DiscordAdapter adapter = new DiscordAdapter(throughTheServer, new ScriptedResponder(),
                        TestTuning.fast());
                adapter.start();
                try {
                    String before = discord.sayInChannel("before the quiet spell", true);
                    discord.rest.awaitOne(call -> repliesTo(call, before), WAIT);
                    Thread.sleep(7_000);
                    String after = discord.sayInChannel("after the quiet spell", true);
                    discord.rest.awaitOne(call -> repliesTo(call, after), WAIT);
                    Thread.sleep(500);

                    assertEquals(1, discord.rest.calls().stream().filter(call -> repliesTo(call, after)).count(),
                            "answered once");
                    assertTrue(server.closedIdle() >= 1, "the server closed an idle connection, so JDA met one");
                    assertEquals(0, logs.matching("Could not").size(), logs.matching("Could not").toString());
                } finally {
                    adapter.close();
                }
            } finally {
                discord.close();
            }
        }
    }

    private static boolean repliesTo(FakeRest.Call call, String messageId) {
        return call.is("POST", "channels/")
                && call.body().path("message_reference").path("message_id").asText().equals(messageId);
    }
}
