package dev.careerbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.config.SessionSettings;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Answers by subject: the role a question names picks the answer, and follow-ups swap it. */
class ConversationBySubjectTest {

    private static final KnowledgeBase KNOWLEDGE = load();
    private static final IntentMatcher MATCHER = IntentMatcher.forKnowledge(KNOWLEDGE,
            MatcherSettings.defaults().withMode(MatcherMode.LEXICAL));

    private final Conversation conversation =
            new Conversation(KNOWLEDGE, MATCHER, SessionSettings.defaults(), ManualClock.atNoon());

    private Turn say(String text) {
        return conversation.answer(new InboundMessage(Platform.TELEGRAM, "chat", "ana", ChatKind.PRIVATE, text, ""));
    }

    @Test
    void answersWithTheNamedRolesAnswer() {
        Turn turn = say("what do nlp interviews cover");
        assertEquals("interviews", turn.intent());
        assertEquals("NLP interview answer.", turn.reply().text());
        assertEquals(Optional.of("nlp_engineer"), turn.subject());
    }

    @Test
    void answersInGeneralWhenNoRoleIsNamed() {
        assertEquals("General interview answer.", say("how should i prepare for interviews").reply().text());
    }

    @Test
    void answersInGeneralForARoleWithoutItsOwnAnswer() {
        Turn turn = say("interview tips for robotics");
        assertEquals("interviews", turn.intent());
        assertEquals("General interview answer.", turn.reply().text());
    }

    @Test
    void keepsTheFacetAndSwapsTheRoleInAFollowUp() {
        assertEquals("NLP interview answer.", say("interview questions for nlp roles").reply().text());
        Turn followUp = say("and for computer vision?");
        assertEquals("interviews", followUp.intent());
        assertEquals("Computer vision interview answer.", followUp.reply().text());
    }

    @Test
    void readsCvAsComputerVisionInAFollowUp() {
        say("interview questions for nlp roles");
        assertEquals("Computer vision interview answer.", say("and for cv?").reply().text());
    }

    @Test
    void readsCvAsAResumeInAQuestionOfItsOwn() {
        Turn turn = say("how long should my cv be");
        assertEquals("job_search.resume", turn.intent());
        assertEquals(Optional.empty(), turn.subject());
    }

    @Test
    void referringBackToARoleGivesItsAnswer() {
        assertEquals("role.cv_engineer", say("what does a computer vision engineer do").intent());
        assertEquals("Computer vision interview answer.", say("what are their interviews like").reply().text());
    }

    @Test
    void aFirstMessageOutOfScopeIsNotTurnedIntoAFollowUp() {
        Turn turn = say("generate an image of a cat for computer vision");
        assertTrue(turn.route() == Turn.Route.OUT_OF_SCOPE || turn.intent().equals("role.cv_engineer"),
                "either declined or the role it names: " + turn.intent() + " (" + turn.note() + ")");
        assertTrue(turn.route() != Turn.Route.FOLLOW_UP, "nothing to follow up on: " + turn.note());
    }

    private static KnowledgeBase load() {
        return new KnowledgeLoader().load(Path.of("src/test/resources/conversation/by-subject.yml")).base();
    }
}
