package dev.careerbot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * Something questions are about (a role such as the NLP engineer, or the AI engineer in
 * general), with the words people use for it. Follow-ups such as "and for computer vision?" swap
 * the subject and keep the facet.
 *
 * @param id stable id, for example {@code nlp_engineer}
 * @param name how answers name it, for example "NLP engineer"
 * @param aliases words and phrases that mention it, for example "nlp", "natural language"
 * @param followUpAliases words that name it only in a follow-up such as "and for cv?", because
 *     elsewhere they mean something else ("cv" is also a résumé)
 */
public record Subject(String id, String name, List<String> aliases, List<String> followUpAliases) {

    public Subject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        followUpAliases = List.copyOf(followUpAliases);
    }

    public Subject(String id, String name, List<String> aliases) {
        this(id, name, aliases, List.of());
    }
}
