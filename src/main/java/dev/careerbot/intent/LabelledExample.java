package dev.careerbot.intent;

import dev.careerbot.knowledge.KnowledgeBase;
import java.util.List;

/**
 * A text with the intents that count as right for it.
 *
 * @param text what a person wrote
 * @param labels accepted intent ids ({@code out_of_scope} for a negative); the first is the one
 *     used for training
 */
public record LabelledExample(String text, List<String> labels) {

    public LabelledExample {
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("an example needs at least one label: " + text);
        }
    }

    public static LabelledExample of(String text, String label) {
        return new LabelledExample(text, List.of(label));
    }

    public String label() {
        return labels.get(0);
    }

    public boolean isOutOfScope() {
        return labels.contains(KnowledgeBase.OUT_OF_SCOPE);
    }
}
