package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import dev.careerbot.message.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Discord adapter through the real JDA against the loopback Discord. */
class DiscordAdapterTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String CHANNEL_MESSAGES = "channels/" + DiscordPayloads.CHANNEL_ID + "/messages";
    static final String DM_MESSAGES = "channels/" + DiscordPayloads.DM_CHANNEL_ID + "/messages";

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
    void stopEverythingAndCheckTheTokenNeverShowed() throws Exception {
        try {
            if (adapter != null) {
                adapter.close();
            }
            discord.close();
        } finally {
            logs.close();
        }
        assertFalse(logs.lines.isEmpty(), "logs were captured");
        String secretPart = FakeDiscord.TOKEN.substring(FakeDiscord.TOKEN.lastIndexOf('.') + 1);
        assertEquals(List.of(), logs.matching(secretPart), "no log line shows the token");
        assertEquals(List.of(), logs.matching("uncaught exception"), "no listener threw into JDA");
    }

    void startAdapter() {
        startAdapter(false);
    }

    void startAdapter(boolean messageContentIntent) {
        adapter = new DiscordAdapter(discord.settings(messageContentIntent), responder, TestTuning.fast());
        adapter.start();
    }

    /** The bot's answers posted in a channel that reply to the given message. */
    List<FakeRest.Call> answersTo(String messageId) {
        return discord.rest.calls().stream()
                .filter(call -> call.method().equals("POST") && call.path().startsWith("channels/"))
                .filter(call -> call.body().path("message_reference").path("message_id").asText().equals(messageId))
                .toList();
    }

    FakeRest.Call awaitAnswerTo(String messageId) throws InterruptedException {
        return discord.rest.awaitOne(call -> call.method().equals("POST") && call.path().startsWith("channels/")
                && call.body().path("message_reference").path("message_id").asText().equals(messageId), WAIT);
    }

    FakeRest.Call awaitCallback(String interactionId) throws InterruptedException {
        return discord.rest.awaitOne(call -> call.is("POST", "interactions/" + interactionId + "/"), WAIT);
    }

    long received(String messageId) {
        return responder.received.stream().filter(message -> message.messageId().equals(messageId)).count();
    }

    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void reachesReadyAndRegistersAskAndTheCoreCommands() throws Exception {
        startAdapter();

        assertTrue(adapter.connected());
        JsonNode commands = discord.rest.awaitOne(
                call -> call.is("PUT", "applications/" + DiscordPayloads.APP_ID + "/commands"), WAIT).body();
        assertEquals(List.of("ask", "help", "skills"), names(commands));
        JsonNode question = commands.get(0).path("options").get(0);
        assertEquals("question", question.path("name").asText());
        assertTrue(question.path("required").asBoolean());
        JsonNode role = commands.get(2).path("options").get(0);
        assertEquals("role", role.path("name").asText());
        assertFalse(role.path("required").asBoolean());
        assertEquals("NLP engineer", role.path("choices").get(1).path("name").asText());
        assertEquals("nlp_engineer", role.path("choices").get(1).path("value").asText());
        JsonNode contexts = commands.get(0).path("contexts");
        assertEquals(List.of("0", "1"), List.of(contexts.get(0).asText(), contexts.get(1).asText()),
                "usable in servers (0) and in direct messages (1)");
    }

    @Test
    void identifiesWithoutThePrivilegedIntentUnlessConfigured() throws Exception {
        startAdapter(false);
        int intents = discord.gateway.identifies().get(0).path("intents").asInt();

        assertEquals(0, intents & (1 << 15), "MESSAGE_CONTENT not asked for");
        assertTrue((intents & (1 << 9)) != 0 && (intents & (1 << 12)) != 0, "guild and direct messages");
    }

    @Test
    void answersMentionInServerChannelAsReplyToTheAsker() throws Exception {
        startAdapter();

        String asked = discord.sayInChannel("what does an ML engineer do?", true);

        FakeRest.Call answer = awaitAnswerTo(asked);
        assertEquals("channels/" + DiscordPayloads.CHANNEL_ID + "/messages", answer.path());
        assertEquals("You asked: what does an ML engineer do?", answer.content());
        assertEquals(new InboundMessage(Platform.DISCORD, DiscordPayloads.CHANNEL_ID, DiscordPayloads.USER_ID,
                ChatKind.GROUP, "what does an ML engineer do?", asked), responder.received.get(0));
    }

    @Test
    void staysQuietOnChatterThatDoesNotAddressTheBot() throws Exception {
        startAdapter();

        String chatter = discord.sayInChannel("anyone up for lunch?", false);
        String fromBot = discord.botSays("hello fellow bot");
        String asked = discord.sayInChannel("and what about data scientists?", true);
        awaitAnswerTo(asked);

        assertEquals(List.of(), answersTo(chatter));
        assertEquals(List.of(), answersTo(fromBot));
        assertEquals(List.of(asked), responder.received.stream().map(InboundMessage::messageId).toList());
    }

    @Test
    void answersReplyToOneOfItsMessagesWithoutAPing() throws Exception {
        startAdapter();

        String asked = discord.replyToBot("and how much do they earn?");

        assertEquals("You asked: and how much do they earn?", awaitAnswerTo(asked).content());
    }

    @Test
    void leavesAReplyWhoseTextIsHiddenWithoutTheContentIntentUnanswered() throws Exception {
        startAdapter();

        String hidden = discord.replyToBot("");
        String asked = discord.sayInChannel("a question with a ping", true);
        awaitAnswerTo(asked);

        assertEquals(List.of(), answersTo(hidden));
        assertEquals(0, received(hidden));
    }

    @Test
    void answersEveryDirectMessage() throws Exception {
        startAdapter();

        String asked = discord.sayInDirectMessage("how do I become an AI engineer?");

        FakeRest.Call answer = awaitAnswerTo(asked);
        assertEquals(DM_MESSAGES, answer.path());
        assertEquals("You asked: how do I become an AI engineer?", answer.content());
        assertEquals(new InboundMessage(Platform.DISCORD, DiscordPayloads.DM_CHANNEL_ID, DiscordPayloads.USER_ID,
                ChatKind.PRIVATE, "how do I become an AI engineer?", asked), responder.received.get(0));
    }

    @Test
    void answersInTheThreadItWasAskedIn() throws Exception {
        startAdapter();

        String asked = discord.sayInThread("which skills matter most?");

        FakeRest.Call answer = awaitAnswerTo(asked);
        assertEquals("channels/" + DiscordPayloads.THREAD_ID + "/messages", answer.path());
        assertEquals(DiscordPayloads.THREAD_ID, responder.received.get(0).conversationId());
    }

    @Test
    void answersAskSlashCommandInServerThroughTheInteractionCallback() throws Exception {
        startAdapter();

        String interaction = discord.slash("ask", "question", "what is MLOps?", true);

        FakeRest.Call callback = awaitCallback(interaction);
        assertEquals(4, callback.body().path("type").asInt(), "CHANNEL_MESSAGE_WITH_SOURCE");
        assertEquals("You asked: what is MLOps?", callback.body().path("data").path("content").asText());
        InboundMessage inbound = responder.received.get(0);
        assertEquals("what is MLOps?", inbound.text());
        assertEquals(ChatKind.GROUP, inbound.chatKind());
        assertEquals(DiscordPayloads.CHANNEL_ID, inbound.conversationId());
    }

    @Test
    void answersSkillsSlashCommandWithRoleInDirectMessage() throws Exception {
        startAdapter();

        String interaction = discord.slash("skills", "role", "nlp_engineer", false);

        FakeRest.Call callback = awaitCallback(interaction);
        assertEquals("You asked: /skills nlp\\_engineer", callback.body().path("data").path("content").asText());
        InboundMessage inbound = responder.received.get(0);
        assertEquals("/skills nlp_engineer", inbound.text());
        assertEquals(ChatKind.PRIVATE, inbound.chatKind());
        assertEquals(DiscordPayloads.DM_CHANNEL_ID, inbound.conversationId());
    }

    @Test
    void showsSuggestionsAsButtonsWhoseClickAnswersThatTopic() throws Exception {
        startAdapter();
        String asked = discord.sayInChannel("tell me about NLP", true);
        JsonNode row = awaitAnswerTo(asked).body().path("components").get(0);
        assertEquals(1, row.path("type").asInt());
        JsonNode button = row.path("components").get(0);
        assertEquals("NLP engineer skills", button.path("label").asText());
        assertEquals("/topic role.nlp_engineer.skills", button.path("custom_id").asText());

        String click = discord.click(button.path("custom_id").asText(), true);

        FakeRest.Call callback = awaitCallback(click);
        assertEquals("You asked: /topic role.nlp\\_engineer.skills",
                callback.body().path("data").path("content").asText());
        assertEquals("/topic role.nlp_engineer.skills", responder.received.get(1).text());
    }

    @Test
    void everyoneInTheQuestionPingsNoOne() throws Exception {
        startAdapter();

        String asked = discord.sayInChannel("@everyone look at <@123> and _this_ # now", true);

        FakeRest.Call answer = awaitAnswerTo(asked);
        assertEquals("You asked: \\@everyone look at \\<\\@123\\> and \\_this\\_ \\# now", answer.content());
        JsonNode allowed = answer.body().path("allowed_mentions");
        assertEquals("[]", allowed.path("parse").toString(), allowed.toString());
        assertTrue(allowed.path("users").isMissingNode() || allowed.path("users").isEmpty(), allowed.toString());
        assertTrue(allowed.path("roles").isMissingNode() || allowed.path("roles").isEmpty(), allowed.toString());
        assertFalse(allowed.path("replied_user").asBoolean(), allowed.toString());
    }

    @Test
    void splitsLongAnswerIntoMessagesWithinDiscordsLimitBetweenParagraphs() throws Exception {
        startAdapter();

        String asked = discord.sayInChannel("give me the long answer", true);

        List<FakeRest.Call> posts = discord.rest.await(call -> call.is("POST", CHANNEL_MESSAGES), 2, WAIT);
        Thread.sleep(200);
        posts = discord.rest.calls("POST", CHANNEL_MESSAGES);
        assertEquals(2, posts.size());
        assertEquals(asked, posts.get(0).body().path("message_reference").path("message_id").asText());
        for (FakeRest.Call post : posts) {
            assertTrue(post.content().length() <= 2000, "at most 2000 characters");
            assertTrue(post.content().startsWith("Paragraph "), "starts at a paragraph");
            assertTrue(post.content().endsWith("data."), "ends at a paragraph");
        }
        String joined = posts.get(0).content() + "\n\n" + posts.get(1).content();
        assertEquals(ScriptedResponder.longAnswer(), joined);
    }

    @Test
    void privateAnswerAsMentionInServerBecomesANotice() throws Exception {
        startAdapter();

        String asked = discord.sayInChannel("show the private report", true);

        String content = awaitAnswerTo(asked).content();
        assertTrue(content.contains("private"), content);
        assertFalse(content.contains("sessions"), content);
    }

    @Test
    void privateAnswerToSlashCommandInServerIsEphemeral() throws Exception {
        startAdapter();

        String interaction = discord.slash("ask", "question", "show the private report", true);

        JsonNode data = awaitCallback(interaction).body().path("data");
        assertEquals(64, data.path("flags").asInt() & 64, "EPHEMERAL");
        assertEquals("Admin report: **3** sessions", data.path("content").asText());
    }

    @Test
    void slowAnswerIsDeferredThenWrittenIntoTheDeferredMessage() throws Exception {
        startAdapter();

        String interaction = discord.slash("ask", "question", "answer slowly please", true);

        assertEquals(5, awaitCallback(interaction).body().path("type").asInt(), "DEFERRED_CHANNEL_MESSAGE");
        FakeRest.Call edit = discord.rest.awaitOne(call -> call.is("PATCH",
                "webhooks/" + DiscordPayloads.APP_ID + "/token-" + interaction + "/messages/@original"), WAIT);
        assertEquals("You asked: answer slowly please", edit.content());
        assertEquals(1, discord.rest.calls("POST", "interactions/" + interaction).size());
    }

    @Test
    void responderFailureGetsAnApologyAndTheBotKeepsAnswering() throws Exception {
        startAdapter();

        String broken = discord.sayInChannel("make it crash", true);
        assertEquals(Reply.FAILURE_TEXT, awaitAnswerTo(broken).content());
        String next = discord.sayInChannel("are you still there?", true);

        assertEquals("You asked: are you still there?", awaitAnswerTo(next).content());
        assertFalse(logs.matching("The responder failed").isEmpty());
    }

    enum Drop {
        ABRUPT_DISCONNECT, CLOSE_4000, RECONNECT_OP_7, RESUMABLE_INVALID_SESSION;

        void apply(FakeGateway gateway) {
            switch (this) {
                case ABRUPT_DISCONNECT -> gateway.dropAbruptly();
                case CLOSE_4000 -> gateway.closeWith(4000);
                case RECONNECT_OP_7 -> gateway.sendReconnect();
                case RESUMABLE_INVALID_SESSION -> gateway.invalidateSession(true);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Drop.class)
    void resumesAfterGatewayDropAndAnswersTheMessageSentMeanwhileOnce(Drop drop) throws Exception {
        startAdapter();
        String before = discord.sayInChannel("first question", true);
        awaitAnswerTo(before);

        discord.gateway.hold();
        drop.apply(discord.gateway);
        discord.gateway.awaitDisconnected(WAIT.toMillis());
        String meanwhile = discord.sayInChannel("asked while the bot was away", true);
        discord.gateway.awaitHeldHandshake(WAIT.toMillis());
        assertFalse(adapter.connected());
        discord.gateway.release();

        assertEquals("You asked: asked while the bot was away", awaitAnswerTo(meanwhile).content());
        String after = discord.sayInChannel("and one more", true);
        awaitAnswerTo(after);
        assertEquals(1, answersTo(meanwhile).size(), "answered exactly once");
        assertEquals(1, received(meanwhile));
        assertEquals(1, answersTo(before).size());
        assertEquals(1, discord.gateway.identifyCount(), "resumed, not identified again");
        assertEquals(1, discord.gateway.resumeCount());
        eventually(adapter::connected, "connected again");
    }

    @Test
    void invalidSessionIdentifiesAgainAndAnswersTheNextMessageOnce() throws Exception {
        startAdapter();
        String before = discord.sayInChannel("first question", true);
        awaitAnswerTo(before);

        discord.gateway.invalidateSession(false);
        discord.gateway.awaitDisconnected(WAIT.toMillis());
        String lost = discord.sayInChannel("asked during the gap", true);
        eventually(() -> discord.gateway.identifyCount() == 2, "the bot identified again");
        String next = discord.sayInChannel("asked after the new session", true);

        assertEquals("You asked: asked after the new session", awaitAnswerTo(next).content());
        String after = discord.sayInChannel("and one more", true);
        awaitAnswerTo(after);
        assertEquals(1, answersTo(next).size());
        assertEquals(List.of(), answersTo(lost), "Discord does not replay the gap of an invalid session");
        assertEquals(1, answersTo(before).size());
        assertFalse(logs.matching("not replayed by Discord").isEmpty(), "the possible loss is logged");
        eventually(adapter::connected, "connected again");
    }

    @Test
    void waitsOutA429AndThenAnswers() throws Exception {
        startAdapter();
        discord.rest.failNext("POST", CHANNEL_MESSAGES, 429, Map.of(
                "Retry-After", "1", "Via", "1.1 google", "X-RateLimit-Scope", "user",
                "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "1.000",
                "X-RateLimit-Bucket", "fake-bucket"),
                "{\"message\":\"You are being rate limited.\",\"retry_after\":1.0,\"global\":false}");

        String asked = discord.sayInChannel("what does a research engineer do?", true);

        List<FakeRest.Call> posts = discord.rest.await(call -> call.is("POST", CHANNEL_MESSAGES), 2, WAIT);
        assertEquals("You asked: what does a research engineer do?", posts.get(1).content());
        assertEquals(asked, posts.get(1).body().path("message_reference").path("message_id").asText());
        long waitedMillis = Duration.ofNanos(posts.get(1).atNanos() - posts.get(0).atNanos()).toMillis();
        assertTrue(waitedMillis >= 900, "waited out Retry-After, waited " + waitedMillis + " ms");
    }

    @Test
    void missingPermissionsIsLoggedOnceAndNeverRetried() throws Exception {
        startAdapter();
        discord.rest.failNext("POST", CHANNEL_MESSAGES, 403, Map.of(),
                "{\"message\":\"Missing Permissions\",\"code\":50013}");

        String refused = discord.sayInChannel("first question", true);
        discord.rest.awaitOne(call -> call.is("POST", CHANNEL_MESSAGES), WAIT);
        String next = discord.sayInChannel("second question", true);
        awaitAnswerTo(next);

        assertEquals(1, answersTo(refused).size(), "tried once, not retried");
        eventually(() -> logs.matching("50013").size() == 1, "the refusal is logged");
        Thread.sleep(200);
        List<String> logged = logs.matching("50013");
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).contains("Send Messages"), logged.get(0));
    }

    @Test
    void userWhoBlocksDirectMessagesIsLoggedOnceAndNeverRetried() throws Exception {
        startAdapter();
        discord.rest.failNext("POST", DM_MESSAGES, 403, Map.of(),
                "{\"message\":\"Cannot send messages to this user\",\"code\":50007}");

        String refused = discord.sayInDirectMessage("hello?");
        discord.rest.awaitOne(call -> call.is("POST", DM_MESSAGES), WAIT);
        String next = discord.sayInDirectMessage("hello again?");
        awaitAnswerTo(next);

        assertEquals(1, answersTo(refused).size(), "tried once, not retried");
        eventually(() -> logs.matching("50007").size() == 1, "the refusal is logged");
        Thread.sleep(200);
        assertEquals(1, logs.matching("50007").size());
    }

    @Test
    void disallowedMessageContentIntentStopsWithWhatToFix() throws Exception {
        discord.gateway.grantMessageContent(false);
        adapter = new DiscordAdapter(discord.settings(true), responder, TestTuning.fast());

        DiscordException failure = assertThrows(DiscordException.class, adapter::start);

        assertTrue(failure.getMessage().contains(
                "enable Message Content in the developer portal or switch it off in config"),
                failure.getMessage() + "; the fake gateway saw " + discord.gateway.progress());
        assertFalse(adapter.connected());
        assertEquals(1, discord.gateway.identifyCount(), "no reconnect loop");
        assertEquals(1, logs.matching("enable Message Content").size());
    }

    @Test
    void aGatewayThatNeverAnswersTheIdentifyTimesOutSayingWhereTheShardGotTo() {
        discord.gateway.hold();
        DiscordTuning twoSecondsToBeReady = new DiscordTuning(Duration.ZERO, Duration.ofSeconds(2),
                Duration.ofMillis(1500), 4, Duration.ofSeconds(5));
        adapter = new DiscordAdapter(discord.settings(false), responder, twoSecondsToBeReady);

        DiscordException failure = assertThrows(DiscordException.class, adapter::start);

        assertTrue(failure.getMessage().contains("did not become ready within 2 s (shard 0: "), failure.getMessage());
        assertFalse(adapter.connected());
    }

    @Test
    void gatewayRefusingTheTokenStopsWithWhatToFix() throws Exception {
        discord.gateway.closeOnIdentify(4004);
        adapter = new DiscordAdapter(discord.settings(false), responder, TestTuning.fast());

        DiscordException failure = assertThrows(DiscordException.class, adapter::start);

        assertTrue(failure.getMessage().contains("DISCORD_TOKEN"), failure.getMessage());
        assertTrue(failure.getMessage().contains("4004"), failure.getMessage());
        assertEquals(1, discord.gateway.identifyCount(), "no reconnect loop");
    }

    @Test
    void restRefusingTheTokenStopsWithWhatToFix() {
        var wrong = new dev.careerbot.config.DiscordSettings(true, new dev.careerbot.config.Secret("not-the-token"),
                false, 1, java.util.Optional.of(java.net.URI.create(discord.rest.url())),
                java.util.Optional.of(java.net.URI.create(discord.gatewayUrl())));
        adapter = new DiscordAdapter(wrong, responder, TestTuning.fast());

        DiscordException failure = assertThrows(DiscordException.class, adapter::start);

        assertTrue(failure.getMessage().contains("DISCORD_TOKEN"), failure.getMessage());
        assertEquals(0, discord.gateway.identifyCount());
    }

    @Test
    void runsSeveralShardsThroughTheShardManager() throws Exception {
        adapter = new DiscordAdapter(discord.settings(false, 2), responder, TestTuning.fast());
        adapter.start();

        assertTrue(adapter.connected());
        assertEquals(java.util.Set.of(0, 1), discord.gateway.connectedShards());
        assertEquals(List.of("[0,2]", "[1,2]"), discord.gateway.identifies().stream()
                .map(identify -> identify.path("shard").toString()).sorted().toList());
        String asked = discord.sayInChannel("does sharding work?", true);
        assertEquals("You asked: does sharding work?", awaitAnswerTo(asked).content());
    }

    @Test
    void closeDisconnectsCleanly() throws Exception {
        startAdapter();

        adapter.close();

        assertFalse(adapter.connected());
        discord.gateway.awaitDisconnected(WAIT.toMillis());
        adapter.close();
        assertThrows(IllegalStateException.class, adapter::start);
    }

    private static List<String> names(JsonNode commands) {
        return java.util.stream.StreamSupport.stream(commands.spliterator(), false)
                .map(command -> command.path("name").asText()).toList();
    }
}
