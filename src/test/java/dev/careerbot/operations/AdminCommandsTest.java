package dev.careerbot.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import dev.careerbot.message.Reply;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandsTest {

    @TempDir
    Path folder;

    private Path file;
    private Operations operations;

    @BeforeEach
    void start() {
        file = SmallBot.write(folder, SmallBot.knowledge());
        operations = Operations.start(SmallBot.config(file, SmallBot.settings(folder)),
                SmallBot.conversation(SmallBot.load(file)), SmallBot::train, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        operations.close();
    }

    private Reply send(InboundMessage message) {
        return operations.responder().respond(message).orElseThrow();
    }

    @Test
    void refusesReloadFromSomeoneWhoIsNotAnAdminAndReloadsNothing() {
        SmallBot.write(folder, SmallBot.knowledgeWithDocker());

        Reply reply = send(SmallBot.telegram("999", "/reload"));

        assertEquals("Sorry, /reload is only for the people who run this bot, so I did nothing. Ask me anything"
                + " about AI engineering careers, or send /help.", reply.text());
        assertFalse(reply.privateOnly());
        assertFalse(send(SmallBot.telegram("999", "do i need docker")).text().startsWith(SmallBot.DOCKER_ANSWER));
        assertFalse(operations.metrics().scrape().contains("careerbot_knowledge_reloads_total"));
    }

    @Test
    void anAdminOnAnotherPlatformWithTheSameIdIsNotAnAdmin() {
        InboundMessage discord = new InboundMessage(Platform.DISCORD, "c", SmallBot.ADMIN_ID, ChatKind.PRIVATE,
                "/stats", "");
        assertTrue(send(discord).text().startsWith("Sorry, /stats is only for the people who run this bot"));
    }

    @Test
    void reloadsForAnAdminAndAnswersFromTheNewKnowledgeBase() {
        SmallBot.write(folder, SmallBot.knowledgeWithDocker());

        Reply reply = send(SmallBot.telegram(SmallBot.ADMIN_ID, "/reload"));

        assertTrue(reply.text().startsWith("Reloaded " + file + ": 5 intents, ready in "), reply.text());
        assertTrue(reply.privateOnly());
        assertTrue(send(SmallBot.telegram("999", "do i need docker")).text().startsWith(SmallBot.DOCKER_ANSWER));
        assertTrue(send(SmallBot.telegram(SmallBot.ADMIN_ID, "/reload@CareerBot")).text()
                .startsWith("Nothing to reload: " + file + " has not changed."));
    }

    @Test
    void tellsTheAdminEveryErrorOfABrokenEditWithItsLineAndKeepsAnswering() {
        String broken = SmallBot.knowledgeWithDocker().replace("    title: Docker\n", "    titel: Docker\n");
        SmallBot.write(folder, broken);
        int line = HotReloadTest.lineOf(broken, "titel: Docker");

        Reply reply = send(SmallBot.telegram(SmallBot.ADMIN_ID, "/reload"));

        assertTrue(reply.text().startsWith("Kept the previous knowledge base (4 intents): " + file + " has 2 errors."
                + " Fix and /reload again:"), reply.text());
        assertTrue(reply.text().contains("\n- " + file + ":" + line + ": unknown key 'titel' in an intent (did you"
                + " mean 'title'?)"), reply.text());
        assertTrue(reply.text().contains("\n- " + file + ":" + (line - 1) + ": intent 'tools.docker' has no title"),
                reply.text());
        assertTrue(send(SmallBot.telegram("999", "what does a data scientist do")).text()
                .startsWith(SmallBot.DATA_SCIENTIST_ANSWER));
    }

    @Test
    void showsStatsToAnAdminPrivately() {
        send(SmallBot.telegram("5", "what does a data scientist do"));
        send(SmallBot.telegram("5", "give me a recipe for pasta"));

        Reply stats = send(SmallBot.telegram(SmallBot.ADMIN_ID, "/stats"));

        assertTrue(stats.privateOnly());
        assertTrue(stats.text().startsWith("**CareerBot stats** (up 0 min)\n- messages: 3 (telegram 3), replies: 2\n"
                + "- out of scope: 1 (50.0 % of questions), \"Did you mean\": 0 (0.0 %)\n"), stats.text());
        assertTrue(stats.text().contains("- knowledge base: " + file + ", 4 intents"), stats.text());
        assertTrue(stats.text().endsWith("**Top intents**\n- role.data_scientist: 1"), stats.text());
    }

    @Test
    void listsTheLatestUnansweredQuestionsOnlyToAnAdminAndOnlyPrivately() {
        send(SmallBot.telegram("5", "give me a recipe for pasta"));
        send(SmallBot.telegram("6", "who won the football match"));

        Reply refused = send(SmallBot.telegram("5", "/unanswered"));
        Reply latest = send(SmallBot.telegram(SmallBot.ADMIN_ID, "/unanswered 1"));

        assertTrue(refused.text().startsWith("Sorry, /unanswered is only for the people who run this bot"));
        assertFalse(refused.text().contains("pasta"));
        assertTrue(latest.privateOnly());
        assertTrue(latest.text().endsWith(" telegram, out of scope: \"who won the football match\""), latest.text());
        assertFalse(latest.text().contains("pasta"), latest.text());
    }

    @Test
    void forgetsTheAskersQuestionsAndConversationButNoOneElses() {
        send(SmallBot.telegram("5", "give me a recipe for pasta"));
        send(SmallBot.telegram("5", "what is the weather today"));
        send(SmallBot.telegram("6", "who won the football match"));

        Reply forgot = send(SmallBot.telegram("5", "/forget"));

        assertEquals("Done: I deleted the 2 questions of yours I had kept to improve my answers, and forgot our"
                + " conversation.", forgot.text());
        String left = send(SmallBot.telegram(SmallBot.ADMIN_ID, "/unanswered")).text();
        assertFalse(left.contains("pasta") || left.contains("weather"), left);
        assertTrue(left.contains("football"), left);
        assertTrue(operations.responder().commands().stream().anyMatch(command -> command.name().equals("forget")));
    }
}
