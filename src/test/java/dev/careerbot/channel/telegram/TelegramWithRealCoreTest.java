package dev.careerbot.channel.telegram;

import static dev.careerbot.channel.telegram.TelegramTestBot.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.DefaultCore;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import dev.careerbot.channel.telegram.FakeBotApi.SentMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Telegram through the real core: matcher, conversation and knowledge base. */
class TelegramWithRealCoreTest {

    private static final FakeUser ANNA = FakeUser.person(701, "Anna");
    private static final FakeChat ANNA_PRIVATE = FakeChat.privateWith(ANNA);
    private static final FakeChat GROUP = FakeChat.supergroup(-1007001, "AI careers");

    @Test
    void answersACareerQuestionAndATopicButtonThroughTheCore() throws Exception {
        try (TelegramTestBot bot = TelegramTestBot.start(DefaultCore.conversation())) {
            FakeBotApi api = bot.api;
            List<String> menu = api.awaitCalls("setMyCommands", 1, WAIT).get(0).params().path("commands")
                    .findValuesAsText("command");
            assertTrue(menu.containsAll(List.of("start", "help", "skills")), "menu " + menu);

            api.send(ANNA_PRIVATE, ANNA, "What skills does an NLP engineer need?");
            SentMessage answer = api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0);

            assertTrue(answer.text().toLowerCase().contains("nlp") || answer.text().toLowerCase().contains("language"),
                    answer.text());
            assertFalse(answer.text().contains("**"), "markup rendered, not shown raw: " + answer.text());
            assertFalse(answer.buttons().isEmpty(), "related topics as buttons");

            String data = answer.buttons().get(0).callbackData();
            api.pressButton(ANNA_PRIVATE, ANNA, answer, data);
            SentMessage topic = api.awaitMessages(ANNA_PRIVATE.id(), 2, WAIT).get(1);

            assertTrue(topic.text().length() > 40, topic.text());
            // The button press is acknowledged asynchronously; it may arrive after the answer.
            assertEquals(1, api.awaitCalls("answerCallbackQuery", 1, WAIT).size());
        }
    }

    @Test
    void inAGroupAnswersOnlyCommandsAddressedToIt() throws Exception {
        try (TelegramTestBot bot = TelegramTestBot.start(DefaultCore.conversation())) {
            FakeBotApi api = bot.api;
            api.send(GROUP, ANNA, "/help@OtherBot");
            api.send(GROUP, ANNA, "what skills does a computer vision engineer need");
            int asked = api.send(GROUP, ANNA, "/help@" + FakeBotApi.BOT_USERNAME);

            List<SentMessage> answers = api.awaitMessages(GROUP.id(), 1, WAIT);

            assertEquals(1, answers.size());
            assertEquals(asked, answers.get(0).replyTo());
            assertTrue(answers.get(0).text().length() > 40, answers.get(0).text());
        }
    }
}
