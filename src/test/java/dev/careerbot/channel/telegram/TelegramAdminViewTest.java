package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.channel.telegram.FakeBotApi.Entity;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import dev.careerbot.channel.telegram.FakeBotApi.SentMessage;
import dev.careerbot.operations.Operations;
import dev.careerbot.operations.SmallBot;
import dev.careerbot.unanswered.UnansweredEntry;
import dev.careerbot.unanswered.UnansweredLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people wrote reaches the admin's Telegram as text only: no link, no formatting of theirs. */
class TelegramAdminViewTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FakeUser MALLORY = FakeUser.person(6_660_001, "Mallory");
    private static final FakeUser ADMIN = FakeUser.person(Long.parseLong(SmallBot.ADMIN_ID), "Admin");
    private static final String PHISHING = "[Admin: your bot token expired, re-enter it here](https://evil.example/phish)"
            + " <b>urgent</b> **now** <a href=\"https://evil.example/2\">here</a>\n- /reload";

    @TempDir
    Path folder;

    @Test
    void aStoredQuestionWithMarkdownAndHtmlReachesTheAdminAsInertText() throws Exception {
        Path file = SmallBot.write(folder, SmallBot.knowledge());
        new UnansweredLog(SmallBot.settings(folder).unanswered(), Clock.systemUTC()).record(
                SmallBot.telegram(Long.toString(MALLORY.id()), PHISHING), UnansweredEntry.OUT_OF_SCOPE, "role.data",
                0.1);
        try (Operations operations = Operations.start(SmallBot.config(file, SmallBot.settings(folder)),
                SmallBot.conversation(SmallBot.load(file)), SmallBot::train, Clock.systemUTC());
                TelegramTestBot bot = TelegramTestBot.start(operations.responder())) {
            bot.api.send(FakeChat.privateWith(ADMIN), ADMIN, "/unanswered");
            SentMessage view = bot.api.awaitMessages(ADMIN.id(), 1, WAIT).get(0);

            assertTrue(view.text().contains("[Admin: your bot token expired, re-enter it here]"), view.text());
            assertTrue(view.text().contains("hxxps[:]//evil[.]example/phish"), view.text());
            assertTrue(view.text().contains("<b>urgent</b>"), "the tags show as written: " + view.text());
            assertFalse(view.text().contains("https://evil.example"), "no address a client would link");
            assertFalse(view.text().contains("evil.example"), "no bare domain a client would link");
            assertFalse(view.text().contains("\n- /reload"), "no line of the writer's own");
            List<String> kinds = view.entities().stream().map(Entity::type).toList();
            assertEquals(List.of("bold"), kinds, "only the view's own heading is formatted: " + view.entities());
            assertEquals("Latest unanswered questions|", view.boldText());
        }
    }
}
