package dev.careerbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.BundledBot;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import dev.careerbot.message.Reply;
import dev.careerbot.message.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the bot says when it is unsure, out of its depth, or given something odd. */
class ConversationFallbackTest {

    private final Conversation conversation = BundledBot.conversation(ManualClock.atNoon());

    private Turn say(String text) {
        return say("ana", text);
    }

    private Turn say(String user, String text) {
        return conversation.answer(InboundMessage.privateMessage(Platform.TELEGRAM, user, text));
    }

    private static String title(String intentId) {
        return BundledBot.knowledge().intent(intentId).orElseThrow().title();
    }

    @Test
    void asksDidYouMeanWithExactlyTwoSuggestions() {
        String unsure = BundledBot.vagueQuestion();
        Turn turn = say(unsure);
        assertEquals(2, turn.clarify().size(), turn::toString);
        assertEquals(turn.clarify().stream().map(id -> "/topic " + id).toList(),
                turn.reply().suggestions().stream().map(Suggestion::command).toList());
        String text = turn.reply().text();
        assertTrue(text.startsWith("I'm not sure I understood. Did you mean"), text);
        assertTrue(text.contains(title(turn.clarify().get(0))) && text.contains(title(turn.clarify().get(1))), text);
    }

    @Test
    void offersOnlyTheClosestTopicWhenTheTwoBestAreUnrelated() {
        Turn turn = say(BundledBot.unsureQuestionBetweenUnrelatedTopics());
        assertEquals(1, turn.clarify().size(), turn::toString);
        String text = turn.reply().text();
        assertTrue(text.startsWith("I don't have a good answer to that one yet."), text);
        assertTrue(text.contains(title(turn.clarify().get(0))), text);
        assertFalse(text.contains("Did you mean"), text);
        assertEquals(List.of("/topic " + turn.clarify().get(0)),
                turn.reply().suggestions().stream().map(Suggestion::command).toList());
    }

    @Test
    void suggestsTopicsWhenTheQuestionIsOutOfScope() {
        Turn turn = say("what is the capital of France");
        assertEquals(KnowledgeBase.OUT_OF_SCOPE, turn.intent());
        assertEquals(BundledBot.knowledge().intent(KnowledgeBase.OUT_OF_SCOPE).orElseThrow().answer().strip(),
                turn.reply().text());
        assertFalse(turn.reply().suggestions().isEmpty());
    }

    @Test
    void saysItAnswersInEnglishToAnotherLanguage() {
        Turn turn = say("¿Qué habilidades necesita un ingeniero de inteligencia artificial?");
        assertTrue(turn.reply().text().contains("English"), turn.reply().text());
        assertEquals(KnowledgeBase.OUT_OF_SCOPE, turn.intent());
    }

    @Test
    void asksForWordsWhenGivenOnlyEmoji() {
        Turn turn = say("\uD83D\uDE00\uD83D\uDE80");
        assertTrue(turn.reply().text().contains("didn't catch any words"), turn.reply().text());
    }

    @Test
    void answersOddInputWithSomethingReadableAndNoErrorText() {
        List<String> odd = List.of("", " ", "\u0000\u0001\u0007\u001b[31m", "/", "/ ", "/topic", "/skills ",
                "/skills " + "x".repeat(100_000), "@", "<@123>", "\uD800", "\uDFFF lonely surrogate",
                "مرحبا كيف حالك", "שלום, מה שלומך?", "\u202Ewhat skills\u202C", "null", "%s %n {}", "'; DROP TABLE x;--",
                "a".repeat(1_000_000), "what skills does an AI engineer need? ".repeat(30_000));
        for (String text : odd) {
            String reply = say(text).reply().text();
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            assertFalse(reply.isBlank(), shown);
            assertNotEquals(Reply.FAILURE_TEXT, reply, shown);
            assertFalse(reply.contains("Exception") || reply.contains("at dev.careerbot") || reply.contains("java."),
                    shown + " -> " + reply);
        }
    }

    @Test
    void answersEightPeopleAtOnceWithoutMixingThemUp() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String user = "user-" + t;
                results.add(pool.submit(() -> {
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        Turn first = say(user, "what does an NLP engineer do");
                        Turn second = say(user, "what skills do they need?");
                        if (!first.intent().equals("role.nlp_engineer") || !second.intent().equals("role.nlp_engineer.skills")
                                || first.reply().text().isBlank()
                                || second.reply().text().equals(Reply.FAILURE_TEXT)) {
                            problems.add(user + " turn " + i + ": " + first.intent() + ", " + second.intent());
                        }
                    }
                    return problems;
                }));
            }
            for (Future<List<String>> result : results) {
                assertEquals(List.of(), result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(8, conversation.activeSessions());
        } finally {
            pool.shutdownNow();
        }
    }
}
