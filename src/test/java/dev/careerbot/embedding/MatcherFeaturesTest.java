package dev.careerbot.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.Match;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherFeaturesTest {

    @TempDir
    Path folder;

    private static MatcherSettings settings(MatcherMode mode, Path cache) {
        return new MatcherSettings(OptionalDouble.empty(), OptionalDouble.empty(),
                MatcherSettings.DEFAULT_MAX_INPUT_CHARS, mode, cache);
    }

    @Test
    void semanticMatcherFindsARoleDescribedInWordsNoExampleUses() {
        KnowledgeBase knowledge = new KnowledgeLoader().load(Path.of("config", "knowledge.yml")).base();
        Path cache = folder.resolve("cache");

        MatcherSettings settings = settings(MatcherMode.SEMANTIC, cache);
        IntentMatcher matcher = IntentMatcher.forKnowledge(knowledge, settings,
                MatcherFeatures.forSettings(settings, "knowledge"));
        Match match = matcher.match("which people make machines understand pictures");

        assertTrue(match.topCandidate().startsWith("role.cv_engineer"), match.toString());
        assertTrue(Files.isRegularFile(cache.resolve("vectors/knowledge.vectors")), "example vectors cached");
        assertEquals(KnowledgeBase.OUT_OF_SCOPE, matcher.match("what is the capital of peru").intent());
    }

    @Test
    void fallsBackToTheLexicalMatcherWhenTheCacheFolderIsUnusable() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "x");

        assertEquals("lexical", MatcherFeatures.forSettings(settings(MatcherMode.HYBRID, notAFolder), "knowledge").name());
    }

    @Test
    void lexicalModeLoadsNoModel() {
        assertEquals("lexical", MatcherFeatures.forSettings(settings(MatcherMode.LEXICAL, folder.resolve("unused")), "knowledge")
                .name());
        assertTrue(Files.notExists(folder.resolve("unused")));
    }
}
