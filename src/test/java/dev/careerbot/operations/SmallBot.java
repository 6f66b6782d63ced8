package dev.careerbot.operations;

import dev.careerbot.config.BotConfig;
import dev.careerbot.config.DiscordSettings;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.config.OperationsSettings;
import dev.careerbot.config.SessionSettings;
import dev.careerbot.config.StateSettings;
import dev.careerbot.config.TelegramSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import dev.careerbot.yaml.YamlSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The small knowledge base of {@code src/test/resources/operations}, written into a test folder,
 * with a matcher trained on it the way the bot trains one, and settings for the operations.
 */
public final class SmallBot {

    public static final String DATA_SCIENTIST_ANSWER = "A data scientist turns data into decisions";
    public static final String DOCKER_ANSWER = "Yes, Docker is how most teams ship models";
    public static final String OUT_OF_SCOPE_ANSWER = "Sorry, I only know about careers in AI.";
    public static final String ADMIN_ID = "111222333";

    private SmallBot() {}

    /** The small knowledge base as text. */
    public static String knowledge() {
        return resource("knowledge.yml");
    }

    /** The small knowledge base with a Docker intent added before the out-of-scope one. */
    public static String knowledgeWithDocker() {
        String base = knowledge();
        int at = base.indexOf("  - id: out_of_scope");
        return base.substring(0, at) + resource("docker-intent.yml") + base.substring(at);
    }

    /** Writes the small knowledge base into {@code folder}/knowledge.yml. */
    public static Path write(Path folder, String text) {
        try {
            return Files.writeString(folder.resolve("knowledge.yml"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KnowledgeBase load(Path file) {
        return new KnowledgeLoader().load(file).base();
    }

    /** Trains a matcher as the bot does. */
    public static IntentMatcher train(KnowledgeBase knowledge) {
        return IntentMatcher.forKnowledge(knowledge, MatcherSettings.defaults());
    }

    public static Conversation conversation(KnowledgeBase knowledge) {
        return new Conversation(knowledge, train(knowledge), SessionSettings.defaults(), Clock.systemUTC());
    }

    /**
     * Operations settings for tests: the admin {@link #ADMIN_ID} on Telegram, the endpoint on a
     * free loopback port, no rate limit, the unanswered log in {@code folder}, no file watching.
     */
    public static OperationsSettings settings(Path folder) {
        OperationsSettings defaults = OperationsSettings.defaults(folder);
        return new OperationsSettings(
                new OperationsSettings.Admins(Map.of(Platform.TELEGRAM, Set.of(ADMIN_ID))),
                new OperationsSettings.Http(true, "127.0.0.1", 0),
                new OperationsSettings.RateLimit(false, 5, 20),
                defaults.unanswered(),
                new OperationsSettings.Reload(false, Duration.ofMillis(100)),
                defaults.logging(),
                new OperationsSettings.Shutdown(Duration.ofSeconds(2)));
    }

    public static BotConfig config(Path knowledgeFile, OperationsSettings settings) {
        return new BotConfig("test config", YamlSource.file(knowledgeFile), MatcherSettings.defaults(),
                SessionSettings.defaults(), TelegramSettings.disabled(), DiscordSettings.disabled(), settings,
                StateSettings.defaults());
    }

    /** A private Telegram message from this user. */
    public static InboundMessage telegram(String userId, String text) {
        return new InboundMessage(Platform.TELEGRAM, userId, userId, ChatKind.PRIVATE, text, "");
    }

    private static String resource(String name) {
        try (InputStream in = SmallBot.class.getResourceAsStream("/operations/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
