package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscordAdapterTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    CapturedLogs logs;
    FakeDiscord discord;
    ScriptedResponder responder;
    DiscordAdapter adapter;

    @BeforeEach
    void startFakeDiscord() throws Exception {
        logs = new CapturedLogs();
        discord = new FakeDiscord();
        responder = new ScriptedResponder();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        discord.close();
        logs.close();
    }

    void startAdapter() {
        adapter = new DiscordAdapter(discord.settings(false), responder, TestTuning.fast());
        adapter.start();
    }

    @Test
    void reachesReadyAndRegistersSlashCommands() throws Exception {
        startAdapter();

        assertTrue(adapter.connected());
        var put = discord.rest.awaitOne(call -> call.is("PUT", "applications/" + DiscordPayloads.APP_ID + "/commands"),
                WAIT);
        assertEquals(3, put.body().size(), put.body().toString());
    }

    @Test
    void answersMentionInServerChannelAsReplyToTheAsker() throws Exception {
        startAdapter();

        String asked = discord.sayInChannel("what does an ML engineer do?", true);

        var answer = discord.rest.awaitOne(call -> call.is("POST", "channels/" + DiscordPayloads.CHANNEL_ID), WAIT);
        assertEquals("You asked: what does an ML engineer do?", answer.content());
        assertEquals(asked, answer.body().path("message_reference").path("message_id").asText());
        InboundMessage inbound = responder.received.get(0);
        assertEquals(new InboundMessage(Platform.DISCORD, DiscordPayloads.CHANNEL_ID, DiscordPayloads.USER_ID,
                ChatKind.GROUP, "what does an ML engineer do?", asked), inbound);
        assertFalse(logs.lines.isEmpty());
    }
}
