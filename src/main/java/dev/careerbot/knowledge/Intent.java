package dev.careerbot.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing people ask about, with the ways they ask it and the answer.
 *
 * @param id stable id, for example {@code role.nlp_engineer.skills}
 * @param title a short human name, used on suggestion buttons and in "Did you mean"
 * @param subject what the question is about (a {@link Subject} id), for follow-ups; empty when
 *     the intent has no subject (greetings, for example)
 * @param facet which side of the subject it covers ({@code overview}, {@code skills}, ...), for
 *     follow-ups such as "and for computer vision?"; empty when none
 * @param examples questions as people write them, used to train the matcher
 * @param answer the reply in CareerBot markup
 * @param answersBySubject answers that replace {@code answer} when the question is about one
 *     subject (a {@link Subject} id): interview topics for computer vision, say; empty for most
 * @param related ids of intents to suggest next
 * @param line the line of the knowledge base file where the intent starts, for messages
 */
public record Intent(
        String id,
        String title,
        Optional<String> subject,
        Optional<String> facet,
        List<String> examples,
        String answer,
        Map<String, String> answersBySubject,
        List<String> related,
        int line) {

    public Intent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(facet, "facet");
        Objects.requireNonNull(answer, "answer");
        examples = List.copyOf(examples);
        answersBySubject = Map.copyOf(answersBySubject);
        related = List.copyOf(related);
    }

    /** The answer for questions about the given subject: its own if the intent has one, else the general one. */
    public String answerFor(Optional<String> subjectId) {
        return subjectId.map(answersBySubject::get).orElse(answer);
    }

    /**
     * Whether this intent covers the facet of the subject: its own subject and facet, or its
     * facet with an answer for that subject.
     */
    public boolean covers(String subjectId, String facetName) {
        return facet.filter(facetName::equals).isPresent()
                && (subject.filter(subjectId::equals).isPresent() || answersBySubject.containsKey(subjectId));
    }

    /** A copy with other examples (for cross-validation folds). */
    public Intent withExamples(List<String> otherExamples) {
        return new Intent(id, title, subject, facet, otherExamples, answer, answersBySubject, related, line);
    }
}
