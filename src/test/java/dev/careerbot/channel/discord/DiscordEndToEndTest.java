package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.careerbot.DefaultCore;
import dev.careerbot.message.Responder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Discord user talks to the real CareerBot core through JDA and the loopback Discord. */
class DiscordEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    FakeDiscord discord;
    DiscordAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        Responder core = DefaultCore.conversation();
        discord = new FakeDiscord();
        adapter = new DiscordAdapter(discord.settings(false), core, TestTuning.fast());
        adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        discord.close();
    }

    @Test
    void registersTheCoresCommandsAndAnswersAQuestionWithRelatedTopicButtons() throws Exception {
        JsonNode commands = discord.rest.awaitOne(call -> call.is("PUT", "applications/"), WAIT).body();
        List<String> names = new ArrayList<>();
        commands.forEach(command -> names.add(command.path("name").asText()));
        assertTrue(names.contains("ask"), names.toString());
        assertTrue(names.contains("help"), names.toString());

        String asked = discord.sayInChannel("What skills does an NLP engineer need?", true);

        FakeRest.Call answer = discord.rest.awaitOne(call -> call.is("POST", "channels/")
                && call.body().path("message_reference").path("message_id").asText().equals(asked), WAIT);
        assertFalse(answer.content().isBlank());
        assertTrue(answer.content().length() <= 2000);
        assertEquals("[]", answer.body().path("allowed_mentions").path("parse").toString());
        JsonNode buttons = answer.body().path("components");
        if (!buttons.isEmpty()) {
            String topic = buttons.get(0).path("components").get(0).path("custom_id").asText();
            String click = discord.click(topic, true);
            FakeRest.Call callback = discord.rest.awaitOne(call -> call.is("POST", "interactions/" + click + "/"), WAIT);
            assertFalse(callback.body().path("data").path("content").asText().isBlank());
        }
    }

    @Test
    void helpSlashCommandInADirectMessageIsAnsweredByTheCore() throws Exception {
        String interaction = discord.slash("help", null, null, false);

        FakeRest.Call callback = discord.rest.awaitOne(call -> call.is("POST", "interactions/" + interaction + "/"),
                WAIT);
        String content = callback.body().path("data").path("content").asText();
        assertFalse(content.isBlank());
        assertTrue(content.contains("/"), content);
    }
}
