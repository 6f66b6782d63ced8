package dev.careerbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.BundledBot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The knowledge base that ships against the list of intents the bot must answer. */
class BundledKnowledgeBaseTest {

    /** The ids of {@code intents.tsv} (the original intent list, {@code src/test/resources/eval/intents.tsv}). */
    private static List<String> requiredIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (InputStream in = BundledKnowledgeBaseTest.class.getResourceAsStream("/eval/intents.tsv")) {
            assertTrue(in != null, "src/test/resources/eval/intents.tsv is missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertTrue(header.startsWith("id\t"), header);
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    ids.add(line.split("\t", 2)[0].strip());
                }
            }
        }
        return ids;
    }

    @Test
    void coversEveryIntentOfTheIntentList() throws IOException {
        Set<String> known = BundledBot.knowledge().intentsById().keySet();
        List<String> required = requiredIds();
        assertTrue(required.size() > 40, required.toString());
        List<String> missing = required.stream().filter(id -> !known.contains(id)).toList();
        assertEquals(List.of(), missing, "intents of intents.tsv without an entry in config/knowledge.yml");
    }

    @Test
    void answersNothingTheIntentListDoesNotName() throws IOException {
        Set<String> required = new TreeSet<>(requiredIds());
        List<String> extra = BundledBot.knowledge().intents().stream().map(Intent::id)
                .filter(id -> !required.contains(id)).toList();
        assertEquals(List.of(), extra, "match must only ever print ids of intents.tsv");
    }

    @Test
    void fitsEveryAnswerInAChatMessage() {
        for (Intent intent : BundledBot.knowledge().intents()) {
            assertTrue(intent.answer().strip().length() <= KnowledgeLoader.MAX_ANSWER_CHARS,
                    intent.id() + " has " + intent.answer().strip().length() + " characters");
        }
    }

    @Test
    void hasAtLeastTenExamplesPerIntent() {
        for (Intent intent : BundledBot.knowledge().intents()) {
            assertTrue(intent.examples().size() >= KnowledgeLoader.MIN_EXAMPLES, intent.id());
        }
    }
}
