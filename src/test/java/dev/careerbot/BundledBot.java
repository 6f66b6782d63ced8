package dev.careerbot;

import dev.careerbot.config.BotConfig;
import dev.careerbot.config.ConfigLoader;
import dev.careerbot.config.SessionSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.intent.Decision;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bot as it ships, for tests of every package: the project's {@code config/careerbot.yml},
 * its knowledge base, and the matcher built from them exactly as the jar builds it
 * ({@link IntentMatcher#forKnowledge}). Training takes a few seconds, so the matcher is trained
 * once per test run and shared; it is immutable and thread-safe, and each test gets its own
 * {@link Conversation} around it.
 */
public final class BundledBot {

    private BundledBot() {}

    /** The shipped config (the test runs in the project folder). */
    public static BotConfig config() {
        return Trained.CONFIG;
    }

    public static KnowledgeBase knowledge() {
        return Trained.KNOWLEDGE;
    }

    public static IntentMatcher matcher() {
        return Trained.MATCHER;
    }

    /** A fresh conversation (no sessions yet) with the shipped session settings. */
    public static Conversation conversation(Clock clock) {
        return conversation(clock, Trained.CONFIG.sessions());
    }

    /** A fresh conversation with other session settings, to test expiry and the bound. */
    public static Conversation conversation(Clock clock, SessionSettings sessions) {
        return new Conversation(Trained.KNOWLEDGE, Trained.MATCHER, sessions, clock);
    }

    /**
     * A vague question that the shipped matcher puts in its "Did you mean" band, found among a
     * few candidates so that tuning the knowledge base does not break the tests that need one.
     */
    public static String vagueQuestion() {
        return unsure(2, "model", "engineer", "learning", "skills or tools", "ai", "career", "data stuff",
                "what does a robotics engineer need to know");
    }

    /**
     * A question in the unsure band whose two best topics are unrelated, so the bot offers only
     * the closest one instead of a "Did you mean" question.
     */
    public static String unsureQuestionBetweenUnrelatedTopics() {
        return unsure(1, "ai", "python money", "phd money", "ethics salary", "robot ethics", "time");
    }

    private static String unsure(int offered, String... candidates) {
        return List.of(candidates).stream()
                .filter(text -> matcher().match(text).decision() == Decision.CLARIFY)
                .filter(text -> conversation(Clock.systemUTC()).answer(
                        InboundMessage.privateMessage(Platform.CONSOLE, "probe", text)).clarify().size() == offered)
                .findFirst()
                .orElseThrow(() -> new AssertionError("none of the questions is in the unsure band with "
                        + offered + " topic(s) offered: " + List.of(candidates)));
    }

    /** Loaded and trained on first use, then shared (the holder idiom makes it thread-safe). */
    private static final class Trained {
        static final BotConfig CONFIG = new ConfigLoader(Map.of())
                .load(Optional.of(ConfigLoader.DEFAULT_CONFIG)).config();
        static final KnowledgeBase KNOWLEDGE = new KnowledgeLoader().load(CONFIG.knowledgeBase()).base();
        static final IntentMatcher MATCHER = IntentMatcher.forKnowledge(KNOWLEDGE, CONFIG.matcher());
    }
}
