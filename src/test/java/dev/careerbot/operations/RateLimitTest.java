package dev.careerbot.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.config.OperationsSettings;
import dev.careerbot.message.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitTest {

    @TempDir
    Path folder;

    private Operations operations;

    @BeforeEach
    void startWithABurstOfTwoAndOneMessageAnHour() {
        Path file = SmallBot.write(folder, SmallBot.knowledge());
        OperationsSettings test = SmallBot.settings(folder);
        OperationsSettings limited = test.withRateLimit(new OperationsSettings.RateLimit(true, 2, 1.0 / 60));
        operations = Operations.start(SmallBot.config(file, limited), SmallBot.conversation(SmallBot.load(file)),
                SmallBot::train, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        operations.close();
    }

    @Test
    void noticesOnceWhenAUserGoesOverTheLimitThenDropsTheRestAndCountsThem() {
        List<Optional<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replies.add(operations.responder().respond(SmallBot.telegram("flood", "what does a data scientist do")));
        }

        assertTrue(replies.get(0).orElseThrow().text().startsWith(SmallBot.DATA_SCIENTIST_ANSWER));
        assertTrue(replies.get(1).orElseThrow().text().startsWith(SmallBot.DATA_SCIENTIST_ANSWER));
        assertEquals(OperationsResponder.SLOW_DOWN, replies.get(2).orElseThrow().text());
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()), replies.subList(3, 6));
        String metrics = operations.metrics().scrape();
        assertTrue(metrics.contains(
                "careerbot_messages_dropped_total{platform=\"telegram\",reason=\"rate_limit\"} 4.0"), metrics);
        assertTrue(metrics.contains("careerbot_replies_sent_total{platform=\"telegram\"} 3.0"), metrics);
    }

    @Test
    void oneUserOverTheLimitDoesNotSlowDownAnother() {
        for (int i = 0; i < 5; i++) {
            operations.responder().respond(SmallBot.telegram("flood", "hello"));
        }
        Reply other = operations.responder().respond(SmallBot.telegram("calm", "what does a data scientist do"))
                .orElseThrow();
        assertTrue(other.text().startsWith(SmallBot.DATA_SCIENTIST_ANSWER));
    }
}
