package dev.careerbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.careerbot.BundledBot;
import dev.careerbot.config.SessionSettings;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Follow-ups resolved against the last topic, and the memory that makes them possible. */
class ConversationFollowUpTest {

    private final ManualClock clock = ManualClock.atNoon();
    private final Conversation conversation = BundledBot.conversation(clock);

    private Turn say(String user, String text) {
        return say(conversation, user, text);
    }

    private static Turn say(Conversation conversation, String user, String text) {
        return conversation.answer(new InboundMessage(Platform.TELEGRAM, "chat-" + user, user, ChatKind.PRIVATE,
                text, ""));
    }

    /** The answer a person sees for an intent, to compare replies with. */
    private static String answerOf(String intentId) {
        return BundledBot.knowledge().intent(intentId).orElseThrow().answer().strip();
    }

    @Test
    void answersFollowUpAboutSkillsOfLastRole() {
        assertEquals("role.nlp_engineer", say("ana", "what does an NLP engineer do").intent());
        Turn followUp = say("ana", "what skills do they need?");
        assertEquals("role.nlp_engineer.skills", followUp.intent());
        assertEquals(answerOf("role.nlp_engineer.skills"), followUp.reply().text());
    }

    @Test
    void keepsTheSkillsAndSwapsTheRoleForAndForComputerVision() {
        assertEquals("role.nlp_engineer.skills", say("ana", "what skills does an NLP engineer need").intent());
        Turn followUp = say("ana", "and for computer vision?");
        assertEquals("role.cv_engineer.skills", followUp.intent());
        assertEquals(answerOf("role.cv_engineer.skills"), followUp.reply().text());
    }

    @Test
    void takesTheLastSubjectForAOneWordFollowUp() {
        assertEquals("role.cv_engineer", say("ana", "tell me about computer vision engineers").intent());
        assertEquals("role.cv_engineer.skills", say("ana", "skills?").intent());
    }

    @Test
    void remembersTheSubjectOfADidYouMeanQuestionAboutOneRole() {
        Turn unsure = say("ana", "robotics stuff");
        assertEquals(2, unsure.clarify().size(), "a vague mention of a role asks which side of it");
        assertEquals("role.robotics_engineer.skills", say("ana", "skills?").intent());
    }

    @Test
    void letsAQuestionThatStandsOnItsOwnOverrideTheContext() {
        say("ana", "what does a robotics engineer do");
        assertEquals("demand.industries", say("ana", "what industries hire AI engineers").intent());
    }

    @Test
    void answersTheEthicsOneAfterTheChallenges() {
        assertEquals("challenges.overview", say("ana", "what are the challenges").intent());
        Turn followUp = say("ana", "tell me more about the ethics one");
        assertEquals("challenges.ethics", followUp.intent());
        assertEquals(answerOf("challenges.ethics"), followUp.reply().text());
    }

    @Test
    void staysOnTheLastTopicWhenAnUnsureFollowUpBestFitsIt() {
        assertEquals("tools.frameworks", say("ana", "what frameworks do ai engineers use").intent());
        Turn followUp = say("ana", "which one should i learn first");
        assertEquals("tools.frameworks", followUp.intent());
        assertEquals(answerOf("tools.frameworks"), followUp.reply().text());
    }

    @Test
    void keepsAskingForMoreAboutSomethingElseOutOfScope() {
        assertEquals("challenges.overview", say("ana", "what are the challenges").intent());
        assertEquals("out_of_scope", say("ana", "tell me more about the weather in paris").intent());
    }

    @Test
    void keepsEachPersonsContextToThemselves() {
        say("ana", "what does an NLP engineer do");
        assertEquals("skills.overview", say("bob", "what skills do they need?").intent());
        assertEquals("role.nlp_engineer.skills", say("ana", "what skills do they need?").intent());
    }

    @Test
    void keepsTheSamePersonsContextsInTwoChatsApart() {
        conversation.answer(new InboundMessage(Platform.DISCORD, "channel-1", "ana", ChatKind.GROUP,
                "what does an NLP engineer do", "1"));
        Turn elsewhere = conversation.answer(new InboundMessage(Platform.DISCORD, "channel-2", "ana", ChatKind.GROUP,
                "what skills do they need?", "2"));
        assertEquals("skills.overview", elsewhere.intent());
        Turn sameChannel = conversation.answer(new InboundMessage(Platform.DISCORD, "channel-1", "ana", ChatKind.GROUP,
                "what skills do they need?", "3"));
        assertEquals("role.nlp_engineer.skills", sameChannel.intent());
    }

    @Test
    void remembersTheContextUntilTheExpiry() {
        Duration expiry = BundledBot.config().sessions().expiry();
        say("ana", "what does an NLP engineer do");
        clock.advance(expiry.minusSeconds(1));
        assertEquals("role.nlp_engineer.skills", say("ana", "what skills do they need?").intent());
    }

    @Test
    void forgetsTheContextAfterTheExpiry() {
        Duration expiry = BundledBot.config().sessions().expiry();
        say("ana", "what does an NLP engineer do");
        clock.advance(expiry.plusSeconds(1));
        assertEquals("skills.overview", say("ana", "what skills do they need?").intent());
        assertEquals(1, conversation.activeSessions());
    }

    @Test
    void forgetsTheLeastRecentConversationBeyondTheLimit() {
        Conversation small = BundledBot.conversation(clock, new SessionSettings(Duration.ofMinutes(30), 3));
        for (String user : new String[] {"u1", "u2", "u3", "u4"}) {
            say(small, user, "what does an NLP engineer do");
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(3, small.activeSessions());
        assertEquals("role.nlp_engineer.skills", say(small, "u4", "what skills do they need?").intent());
        assertEquals("skills.overview", say(small, "u1", "what skills do they need?").intent());
    }
}
