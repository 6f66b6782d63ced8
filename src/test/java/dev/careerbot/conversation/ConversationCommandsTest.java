package dev.careerbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.BundledBot;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.CommandInfo;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import dev.careerbot.message.Reply;
import dev.careerbot.message.Suggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commands, the same on every platform. */
class ConversationCommandsTest {

    private final Conversation conversation = BundledBot.conversation(ManualClock.atNoon());

    private Turn say(String text) {
        return conversation.answer(InboundMessage.privateMessage(Platform.CONSOLE, "ana", text));
    }

    private static Intent intent(String id) {
        return BundledBot.knowledge().intent(id).orElseThrow();
    }

    private static void assertAnswers(String intentId, Turn turn) {
        assertEquals(intentId, turn.intent());
        Reply reply = turn.reply();
        assertEquals(intent(intentId).answer().strip(), reply.text());
        List<String> offered = reply.suggestions().stream().map(Suggestion::command).toList();
        assertEquals(intent(intentId).related().stream().map(id -> "/topic " + id).toList(), offered);
    }

    @Test
    void startGreetsAndExplainsWhatTheBotCanDo() {
        Turn turn = say("/start");
        assertTrue(turn.reply().text().startsWith(intent("greeting").answer().strip()), turn.reply().text());
        assertTrue(turn.reply().text().endsWith(intent("help").answer().strip()), turn.reply().text());
        assertFalse(turn.reply().suggestions().isEmpty());
    }

    @Test
    void helpAnswersTheHelpTopic() {
        assertAnswers("help", say("/help"));
    }

    @Test
    void helpAddressedToTheBotByNameIsStillHelp() {
        assertAnswers("help", say("/help@SomeBot"));
    }

    @Test
    void rolesListsTheSpecialisations() {
        assertAnswers("roles.overview", say("/roles"));
    }

    @Test
    void skillsWithoutARoleAnswersTheGeneralSkills() {
        assertAnswers("skills.overview", say("/skills"));
    }

    @Test
    void skillsOfARoleAnswersThatRolesSkills() {
        assertAnswers("role.nlp_engineer.skills", say("/skills nlp"));
        assertAnswers("role.cv_engineer.skills", say("/skills computer vision"));
    }

    @Test
    void skillsOfARoleTypedInShortAnswersThatRolesSkills() {
        assertAnswers("role.ml_engineer.skills", say("/skills ml"));
        assertAnswers("role.research_scientist.skills", say("/skills research"));
        assertAnswers("role.robotics_engineer.skills", say("/skills robotics"));
    }

    @Test
    void skillsOfARoleChosenFromTheMenuAnswersThatRolesSkills() {
        CommandInfo skills = conversation.commands().stream().filter(info -> info.name().equals("skills"))
                .findFirst().orElseThrow();
        for (CommandInfo.Choice role : skills.argument().orElseThrow().choices()) {
            Turn turn = say("/skills " + role.value());
            assertEquals(BundledBot.knowledge().intentFor(role.value(), "skills").orElseThrow().id(), turn.intent(),
                    role.value());
        }
    }

    @Test
    void readsCommandsInAnyCaseAndAddressedToTheBot() {
        assertAnswers("role.nlp_engineer.skills", say("/SKILLS nlp"));
        assertAnswers("role.nlp_engineer.skills", say("/skills@CareerBot nlp"));
    }

    @Test
    void skillsOfAnUnknownRoleSaysSoAndGivesTheGeneralSkills() {
        Turn turn = say("/skills nosuchrole");
        assertTrue(turn.reply().text().startsWith("I don't know the role \"nosuchrole\""), turn.reply().text());
        assertTrue(turn.reply().text().contains("/roles"), turn.reply().text());
        assertTrue(turn.reply().text().endsWith(intent("skills.overview").answer().strip()));
    }

    @Test
    void pathGivesTheRoadmap() {
        assertAnswers("path.getting_started", say("/path"));
    }

    @Test
    void challengesListsTheHardParts() {
        assertAnswers("challenges.overview", say("/challenges"));
    }

    @Test
    void resetForgetsTheConversation() {
        say("what does an NLP engineer do");
        Turn reset = say("/reset");
        assertTrue(reset.reply().text().contains("forgotten"), reset.reply().text());
        assertEquals("skills.overview", say("what skills do they need?").intent());
    }

    @Test
    void anUnknownCommandPointsToHelp() {
        Turn turn = say("/foo");
        assertTrue(turn.reply().text().contains("/foo"), turn.reply().text());
        assertTrue(turn.reply().text().contains("/help"), turn.reply().text());
    }

    @Test
    void topicAnswersThatIntentAsASuggestionButtonAsksIt() {
        assertAnswers("role.nlp_engineer.skills", say("/topic role.nlp_engineer.skills"));
    }

    @Test
    void topicOfAnUnknownIntentPointsToHelp() {
        Turn turn = say("/topic no.such.intent");
        assertTrue(turn.reply().text().contains("/help"), turn.reply().text());
    }

    @Test
    void aTopicSetsTheContextForFollowUps() {
        say("/topic role.cv_engineer");
        assertEquals("role.cv_engineer.skills", say("what skills do they need?").intent());
    }

    @Test
    void listsTheSevenCommandsForTheMenus() {
        assertEquals(List.of("start", "help", "roles", "skills", "path", "challenges", "reset"),
                conversation.commands().stream().map(CommandInfo::name).toList());
        CommandInfo skills = conversation.commands().get(3);
        List<String> roles = skills.argument().orElseThrow().choices().stream().map(CommandInfo.Choice::value).toList();
        assertTrue(roles.containsAll(List.of("ml_engineer", "nlp_engineer", "cv_engineer", "robotics_engineer")),
                roles.toString());
    }

    @Test
    void quotesBackAtMostFortyCharactersOfAnUnknownRole() {
        String words = "word ".repeat(10_000);
        Turn turn = conversation.answer(new InboundMessage(Platform.TELEGRAM, "chat-echo", "echo", ChatKind.PRIVATE,
                "/skills " + words, ""));
        String text = turn.reply().text();
        assertTrue(text.startsWith("I don't know the role \"" + words.substring(0, Conversation.MAX_ECHO_CHARS - 1).strip()),
                text.substring(0, 80));
        assertTrue(text.length() < 2000, "one message, not an echo of 50,000 characters: " + text.length());
    }

    @Test
    void quotesAnUnknownRoleWithoutItsMarkup() {
        Turn turn = conversation.answer(new InboundMessage(Platform.TELEGRAM, "chat-echo", "echo", ChatKind.PRIVATE,
                "/skills **plumber** <b>now</b>", ""));
        assertTrue(turn.reply().text().startsWith("I don't know the role \"plumber bnow/b\""),
                turn.reply().text());
    }
}
