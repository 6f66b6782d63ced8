package dev.careerbot.knowledge;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the bot knows, as loaded and validated from the knowledge base file.
 *
 * @param source where it was loaded from, as messages name it: a file path, or
 *     {@code classpath:bundled/knowledge.yml} for the copy bundled in the jar
 * @param intents the intents in file order
 * @param subjects the subjects follow-ups can swap between
 * @param synonyms words or phrases and what they stand for ("ml" to "machine learning"),
 *     applied to every message and example before matching
 * @param outOfScopeExamples questions the bot must not answer, used to calibrate the matcher
 * @param contentHash SHA-256 of the file's bytes, hex
 */
public record KnowledgeBase(
        String source,
        List<Intent> intents,
        List<Subject> subjects,
        Map<String, String> synonyms,
        List<String> outOfScopeExamples,
        String contentHash) {

    /** The id the matcher gives a message that no intent covers. */
    public static final String OUT_OF_SCOPE = "out_of_scope";

    public KnowledgeBase {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentHash, "contentHash");
        intents = List.copyOf(intents);
        subjects = List.copyOf(subjects);
        synonyms = Map.copyOf(synonyms);
        outOfScopeExamples = List.copyOf(outOfScopeExamples);
    }

    public Optional<Intent> intent(String id) {
        return intents.stream().filter(intent -> intent.id().equals(id)).findFirst();
    }

    public Optional<Subject> subject(String id) {
        return subjects.stream().filter(subject -> subject.id().equals(id)).findFirst();
    }

    /**
     * The intent that covers the given facet of the given subject, if the base has one: an intent
     * of that subject and facet first, else one of that facet with an answer for the subject.
     */
    public Optional<Intent> intentFor(String subjectId, String facet) {
        return intents.stream()
                .filter(intent -> intent.covers(subjectId, facet))
                .min(Comparator.comparing(intent -> intent.subject().isEmpty()));
    }

    /** Intent ids to their intents, in file order. */
    public Map<String, Intent> intentsById() {
        Map<String, Intent> byId = new LinkedHashMap<>();
        intents.forEach(intent -> byId.put(intent.id(), intent));
        return byId;
    }
}
