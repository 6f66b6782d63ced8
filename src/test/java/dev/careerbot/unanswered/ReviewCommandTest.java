package dev.careerbot.unanswered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.config.OperationsSettings;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import dev.careerbot.operations.SmallBot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {

    @TempDir
    Path folder;

    private String review(List<String> questions, int top) {
        UnansweredLog log = new UnansweredLog(new OperationsSettings.Unanswered(true, folder.resolve("u.jsonl"),
                Optional.empty(), 1024 * 1024, 1, Duration.ofDays(30)), Clock.systemUTC());
        for (int i = 0; i < questions.size(); i++) {
            log.record(InboundMessage.privateMessage(Platform.TELEGRAM, "user" + (i % 3), questions.get(i)),
                    UnansweredEntry.OUT_OF_SCOPE, "out_of_scope", 0.1);
        }
        IntentMatcher matcher = SmallBot.train(SmallBot.load(SmallBot.write(folder, SmallBot.knowledge())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReviewCommand(log, matcher).run(top, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheLargestGroupOfSimilarQuestionsFirstWithTheClosestIntent() {
        String report = review(List.of(
                "how much does a data scientist earn",
                "what is the weather in london",
                "how much do data scientists earn",
                "data scientist salary, how much do they earn?",
                "which docker commands should i know",
                "what does a data scientist earn per year"), 10);

        List<String> lines = report.lines().toList();
        assertEquals("6 unanswered question(s) from 3 person(s), ", lines.get(0).substring(0, 43), report);
        assertTrue(lines.get(2).startsWith(" 1. 4× \""), report);
        assertTrue(lines.get(2).contains("earn"), report);
        assertTrue(report.contains("closest intent: role.data_scientist ("), report);
        assertEquals(3, lines.stream().filter(line -> line.startsWith("      also: ")
                && line.contains("earn")).count(), report);
        assertTrue(report.contains(" 2. 1× ") && report.contains(" 3. 1× "), report);
    }

    @Test
    void saysHowManySmallerGroupsItLeftOut() {
        String report = review(List.of("how much does a data scientist earn", "how much do data scientists earn",
                "what is the weather in london", "which docker commands should i know"), 1);
        assertTrue(report.contains(" 1. 2× "), report);
        assertTrue(report.endsWith("2 smaller group(s) not shown; use --top N to see more.\n"), report);
    }

    @Test
    void saysSoWhenThereIsNothingToReview() {
        assertTrue(review(List.of(), 10).startsWith("No unanswered questions in " + folder.resolve("u.jsonl")));
    }
}
