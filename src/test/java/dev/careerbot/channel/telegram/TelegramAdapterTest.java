package dev.careerbot.channel.telegram;

import static dev.careerbot.channel.telegram.TelegramTestBot.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.careerbot.channel.telegram.FakeBotApi.Button;
import dev.careerbot.channel.telegram.FakeBotApi.Call;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import dev.careerbot.channel.telegram.FakeBotApi.SentMessage;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import dev.careerbot.message.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter through the real TelegramBots library against the fake Bot API: what people see. */
class TelegramAdapterTest {

    private static final FakeUser ANNA = FakeUser.person(501, "Anna");
    private static final FakeUser BORIS = FakeUser.person(502, "Boris");
    private static final FakeChat ANNA_PRIVATE = FakeChat.privateWith(ANNA);
    private static final FakeChat GROUP = FakeChat.group(-4001, "AI careers");
    private static final FakeChat SUPERGROUP = FakeChat.supergroup(-1009001, "ML jobs");
    private static final FakeChat FORUM = FakeChat.forum(-1009002, "Career forum");
    private static final String BOT = "@" + FakeBotApi.BOT_USERNAME;

    private ScriptedResponder responder;
    private TelegramTestBot bot;
    private FakeBotApi api;

    @BeforeEach
    void startBot() throws Exception {
        responder = new ScriptedResponder();
        bot = TelegramTestBot.start(responder);
        api = bot.api;
    }

    @AfterEach
    void stopBot() {
        bot.close();
    }

    @Test
    void answersPrivateMessage() throws Exception {
        int asked = api.send(ANNA_PRIVATE, ANNA, "What does an NLP engineer do?");

        SentMessage answer = api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0);

        assertEquals("You asked: What does an NLP engineer do?", answer.text());
        assertEquals("What does an NLP engineer do?|", answer.boldText());
        assertEquals("HTML", answer.parseMode());
        assertNull(answer.replyTo(), "private answers need no quote");
        InboundMessage inbound = responder.received().get(0);
        assertEquals(new InboundMessage(Platform.TELEGRAM, "501", "501", ChatKind.PRIVATE,
                "What does an NLP engineer do?", String.valueOf(asked)), inbound);
    }

    @Test
    void registersCommandMenuAndRemovesWebhookAtStart() throws Exception {
        List<Call> menus = api.awaitCalls("setMyCommands", 1, WAIT);

        List<String> names = menus.get(0).params().path("commands").findValuesAsText("command");
        assertEquals(List.of("help", "topic"), names, "the invalid command name is left out");
        assertEquals(1, api.calls("getMe").size());
        assertEquals(1, api.calls("deleteWebhook").size());
        assertTrue(bot.adapter.connected());
    }

    @Test
    void showsTypingWhileAnswering() throws Exception {
        api.send(ANNA_PRIVATE, ANNA, "hello");
        api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT);

        Call typing = api.awaitCalls("sendChatAction", 1, WAIT).get(0);
        assertEquals("typing", typing.params().path("action").asText());
        assertEquals(ANNA_PRIVATE.id(), typing.params().path("chat_id").asLong());
    }

    @Test
    void answersCommandsInGroupWithoutOrWithItsOwnName() throws Exception {
        int plain = api.send(GROUP, ANNA, "/help");
        int named = api.send(GROUP, BORIS, "/help@" + FakeBotApi.BOT_USERNAME);

        List<SentMessage> answers = api.awaitMessages(GROUP.id(), 2, WAIT);

        assertEquals("You asked: /help", answers.get(0).text());
        assertEquals(plain, answers.get(0).replyTo(), "in a group the answer quotes the question");
        assertEquals("You asked: /help@" + FakeBotApi.BOT_USERNAME, answers.get(1).text());
        assertEquals(named, answers.get(1).replyTo());
        assertEquals(ChatKind.GROUP, responder.received().get(0).chatKind());
        assertEquals("-4001", responder.received().get(0).conversationId());
    }

    @Test
    void ignoresCommandsForOtherBotsAndChatterInGroup() throws Exception {
        api.send(GROUP, ANNA, "/help@OtherBot");
        api.send(GROUP, BORIS, "anyone hiring ML engineers?");
        api.send(GROUP, ANNA, "mail me at anna@" + FakeBotApi.BOT_USERNAME + "s.example");
        api.send(GROUP, BORIS, BOT + " last one");

        List<SentMessage> answers = api.awaitMessages(GROUP.id(), 1, WAIT);

        assertEquals(List.of("You asked: " + BOT + " last one"), answers.stream().map(SentMessage::text).toList());
        assertEquals(1, responder.received().size(), "only the mention reached the core");
    }

    @Test
    void answersMentionInSupergroupLikeInGroup() throws Exception {
        int asked = api.send(SUPERGROUP, ANNA, "hey " + BOT.toLowerCase() + " which skills for MLOps?");

        SentMessage answer = api.awaitMessages(SUPERGROUP.id(), 1, WAIT).get(0);

        assertEquals("You asked: hey " + BOT.toLowerCase() + " which skills for MLOps?", answer.text());
        assertEquals(asked, answer.replyTo());
    }

    @Test
    void answersReplyToItsOwnMessageInGroup() throws Exception {
        api.send(GROUP, ANNA, "/help");
        SentMessage first = api.awaitMessages(GROUP.id(), 1, WAIT).get(0);

        int reply = api.message(GROUP, BORIS, "and for computer vision?").replyingTo(first).post();

        SentMessage answer = api.awaitMessages(GROUP.id(), 2, WAIT).get(1);
        assertEquals("You asked: and for computer vision?", answer.text());
        assertEquals(reply, answer.replyTo());
    }

    @Test
    void answersInTheSameForumTopicAsReplyToTheAsker() throws Exception {
        api.message(FORUM, BORIS, "chatter in a topic the bot opened").inTopic(42, 40, true).post();
        int asked = api.message(FORUM, ANNA, "/help").inTopic(42, 40, true).post();

        List<SentMessage> answers = api.awaitMessages(FORUM.id(), 1, WAIT);

        SentMessage answer = answers.get(0);
        assertEquals("You asked: /help", answer.text());
        assertEquals(42, answer.threadId());
        assertEquals(asked, answer.replyTo());
        assertEquals(1, responder.received().size(), "a topic's root message is no reply to the bot");
        assertEquals("-1009002:42", responder.received().get(0).conversationId());
    }

    @Test
    void pressingATopicButtonAnswersThatTopicAndTheQuery() throws Exception {
        api.send(ANNA_PRIVATE, ANNA, "what do NLP engineers do?");
        SentMessage withButtons = api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0);
        assertEquals(List.of(new Button("NLP engineer skills", "/topic role.nlp_engineer.skills")),
                withButtons.buttons(), "the button whose command exceeds 64 bytes is left out");

        String query = api.pressButton(ANNA_PRIVATE, ANNA, withButtons, withButtons.buttons().get(0).callbackData());

        SentMessage topic = api.awaitMessages(ANNA_PRIVATE.id(), 2, WAIT).get(1);
        assertEquals("About role.nlp_engineer.skills", topic.text());
        Call answered = api.awaitCalls("answerCallbackQuery", 1, WAIT).get(0);
        assertEquals(query, answered.params().path("callback_query_id").asText());
        assertFalse(api.openButtonPresses().contains(query));
        assertEquals("/topic role.nlp_engineer.skills", responder.received().get(1).text());
    }

    @Test
    void splitsA5000CharacterAnswerAtParagraphsWithoutBreakingTags() throws Exception {
        StringBuilder markup = new StringBuilder();
        for (int paragraph = 0; paragraph < 10; paragraph++) {
            markup.append("**Step ").append(paragraph).append("** ")
                    .append("practise with [a course](https://example.org/c?a=1&b=2) and ".repeat(18))
                    .append("ship it.\n\n");
        }
        String expected = dev.careerbot.message.Markup.parse(markup.toString()).toPlainText()
                .replace(" (https://example.org/c?a=1&b=2)", "");
        assertTrue(expected.length() > 5000, "the answer is " + expected.length() + " characters");

        api.send(ANNA_PRIVATE, ANNA, "/echo " + markup);

        List<SentMessage> parts = api.awaitMessages(ANNA_PRIVATE.id(), 2, WAIT);
        assertEquals(2, parts.size());
        parts.forEach(part -> assertTrue(part.text().length() <= 4096, "part of " + part.text().length()));
        assertEquals(expected, parts.get(0).text() + "\n\n" + parts.get(1).text(), "cut between paragraphs");
        assertTrue(parts.get(1).text().startsWith("Step "));
        assertTrue(parts.get(0).entities().stream().anyMatch(e -> "https://example.org/c?a=1&b=2".equals(e.url())));
    }

    @Test
    void splitsOneLongParagraphAtASpaceAndReopensBold() throws Exception {
        String words = "word ".repeat(1000).strip();
        api.send(ANNA_PRIVATE, ANNA, "/echo **" + words + "**");

        List<SentMessage> parts = api.awaitMessages(ANNA_PRIVATE.id(), 2, WAIT);

        assertEquals(words, parts.get(0).text() + " " + parts.get(1).text());
        for (SentMessage part : parts) {
            assertTrue(part.text().length() <= 4096);
            assertEquals(part.text() + "|", part.boldText(), "bold closed before the cut and opened after it");
        }
    }

    @Test
    void showsHostileTextExactlyAsWritten() throws Exception {
        api.send(ANNA_PRIVATE, ANNA, "/echo Try <b> & &amp; </i> <script>x</script> **bold <x> & co**");

        SentMessage answer = api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0);

        assertEquals("Try <b> & &amp; </i> <script>x</script> bold <x> & co", answer.text());
        assertEquals("bold <x> & co|", answer.boldText());
        assertEquals("HTML", answer.parseMode());
    }

    @Test
    void resendsAsPlainTextWhenTelegramCannotParseTheHtml() throws Exception {
        api.failNext("sendMessage", new FakeBotApi.Fault(400,
                "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0", null, null, false));

        api.send(ANNA_PRIVATE, ANNA, "/echo **Skills**: Python & SQL");

        SentMessage answer = api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0);
        assertEquals("Skills: Python & SQL", answer.text());
        assertEquals("", answer.parseMode());
        assertEquals(2, api.calls("sendMessage").size());
    }

    @Test
    void privateOnlyAnswerInGroupBecomesANotice() throws Exception {
        api.send(GROUP, ANNA, "/private");
        api.send(ANNA_PRIVATE, ANNA, "/private");

        SentMessage inGroup = api.awaitMessages(GROUP.id(), 1, WAIT).get(0);
        SentMessage inPrivate = api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0);

        assertEquals(ReplyComposer.PRIVATE_ONLY_NOTICE, inGroup.text());
        assertEquals("Admin stats: 3 sessions", inPrivate.text());
    }

    @Test
    void stickersPhotosJoinsEditsAndUnknownUpdatesDoNotStopTheBot() throws Exception {
        ObjectNode sticker = api.message(ANNA_PRIVATE, ANNA, null).json();
        sticker.putObject("sticker").put("file_id", "s1").put("file_unique_id", "u1").put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
        api.addUpdate(FakeBotApi.messageUpdate(sticker));
        ObjectNode photo = api.message(GROUP, BORIS, null).json();
        photo.putArray("photo").addObject().put("file_id", "p1").put("file_unique_id", "p1u").put("width", 90)
                .put("height", 90);
        photo.put("caption", BOT + " look");
        api.addUpdate(FakeBotApi.messageUpdate(photo));
        ObjectNode join = api.message(GROUP, BORIS, null).json();
        join.putArray("new_chat_members").addObject().put("id", FakeBotApi.BOT_ID).put("is_bot", true)
                .put("first_name", "CareerBot");
        api.addUpdate(FakeBotApi.messageUpdate(join));
        ObjectNode edited = api.message(ANNA_PRIVATE, ANNA, "edited question").json();
        edited.put("edit_date", System.currentTimeMillis() / 1000);
        api.addUpdate(FakeBotApi.json("{}").set("edited_message", edited));
        api.addUpdate(FakeBotApi.json("{\"channel_post\": {\"message_id\": 3, \"date\": 1700000000,"
                + " \"chat\": {\"id\": -100777, \"type\": \"channel\", \"title\": \"News\"}, \"text\": \"/help\"}}"));
        api.addUpdate(FakeBotApi.json("{\"my_chat_member\": {\"chat\": {\"id\": -4001, \"type\": \"group\","
                + " \"title\": \"AI careers\"}, \"from\": {\"id\": 502, \"is_bot\": false, \"first_name\": \"Boris\"},"
                + " \"date\": 1700000000, \"old_chat_member\": {\"status\": \"left\", \"user\": {\"id\": "
                + FakeBotApi.BOT_ID + ", \"is_bot\": true, \"first_name\": \"CareerBot\"}}, \"new_chat_member\":"
                + " {\"status\": \"member\", \"user\": {\"id\": " + FakeBotApi.BOT_ID
                + ", \"is_bot\": true, \"first_name\": \"CareerBot\"}}}}"));
        api.addUpdate(FakeBotApi.json("{\"future_kind_of_update\": {\"anything\": [1, 2, 3]}}"));
        api.addUpdate(FakeBotApi.json("{\"message\": {\"message_id\": \"not a number\", \"chat\": \"odd\"}}"));
        api.send(ANNA_PRIVATE, ANNA, "still there?");

        SentMessage answer = api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0);

        assertEquals("You asked: still there?", answer.text());
        assertEquals(List.of("still there?"), responder.received().stream().map(InboundMessage::text).toList());
        assertTrue(api.messages(GROUP.id()).isEmpty());
    }

    @Test
    void answersAnUpdateDeliveredTwiceOnce() throws Exception {
        FakeBotApi.Draft question = api.message(ANNA_PRIVATE, ANNA, "what does a data scientist earn?");
        api.addUpdateTwice(FakeBotApi.messageUpdate(question.json()));
        api.send(ANNA_PRIVATE, ANNA, "/echo after");

        List<SentMessage> answers = api.awaitMessages(ANNA_PRIVATE.id(), 2, WAIT);

        assertEquals(List.of("You asked: what does a data scientist earn?", "after"),
                answers.stream().map(SentMessage::text).toList());
        assertEquals(2, responder.received().size());
    }

    @Test
    void apologisesWhenTheCoreFails() throws Exception {
        api.send(ANNA_PRIVATE, ANNA, "/boom");

        SentMessage answer = api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0);

        assertEquals(Reply.FAILURE_TEXT, answer.text());
    }

    @Test
    void sendsNothingWhenTheCoreStaysSilent() throws Exception {
        api.send(ANNA_PRIVATE, ANNA, "/silent");
        api.send(ANNA_PRIVATE, ANNA, "/echo next");

        List<SentMessage> answers = api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT);

        assertEquals(List.of("next"), answers.stream().map(SentMessage::text).toList());
    }
}
