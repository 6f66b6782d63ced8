package dev.careerbot.intent;

import java.util.List;
import java.util.Set;

/**
 * Recognises messages written in another language than English, so the bot can say it answers
 * in English rather than guess. Two signals: most letters outside the Latin script (Cyrillic,
 * Arabic, Hebrew, CJK, ...), or several common function words of Spanish, French, German,
 * Portuguese, Italian or Dutch and fewer English ones.
 */
final class LanguageGuard {

    private static final Set<String> ENGLISH = Set.of(
            "the", "a", "an", "is", "are", "what", "how", "do", "does", "i", "you", "to", "of", "in",
            "and", "for", "can", "need", "should", "which", "who", "why", "my", "me", "it", "be",
            "with", "about", "tell", "there", "that", "this", "as", "on", "or", "get", "become", "skill",
            "skills", "learn", "engineer", "job", "work", "hi", "hello", "thanks", "your", "we", "they");

    private static final Set<String> FOREIGN = Set.of(
            // Spanish
            "qué", "que", "cómo", "como", "cuál", "cual", "es", "el", "la", "los", "las", "un", "una",
            "del", "para", "por", "necesito", "hace", "hacer", "ingeniero", "ingeniera", "hola",
            "gracias", "habilidades", "trabajo", "puedo", "quiero", "ser", "soy", "y", "en", "con",
            "inteligencia", "aprender", "cuáles", "son",
            // French
            "quoi", "est", "une", "le", "les", "des", "du", "pour", "comment", "quel", "quelle",
            "ingénieur", "je", "faire", "avec", "et", "c'est", "bonjour", "merci", "compétences",
            "devenir", "fait", "dois", "apprendre", "sont", "quelles",
            // German
            "ist", "ein", "eine", "der", "das", "wie", "ich", "für", "und", "mit",
            "werden", "brauche", "ingenieur", "macht", "welche", "fähigkeiten", "hallo", "danke",
            "muss", "lernen", "sind", "nicht",
            // Portuguese and Italian
            "é", "um", "uma", "preciso", "engenheiro", "fazer", "olá", "obrigado", "obrigada",
            "che", "cosa", "il", "lo", "gli", "di", "ingegnere", "ciao", "grazie", "sono", "faccio",
            "diventare", "competenze", "non", "perché",
            // Dutch
            "wat", "een", "het", "hoe", "ik", "voor", "doet", "moet", "leren", "dank");

    boolean isOtherLanguage(String text, List<String> tokens) {
        int latin = 0;
        int other = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (!Character.isLetter(codePoint)) {
                continue;
            }
            if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN) {
                latin++;
            } else {
                other++;
            }
        }
        if (other >= 2 && other > latin) {
            return true;
        }
        int english = 0;
        int foreign = 0;
        for (String token : tokens) {
            if (ENGLISH.contains(token)) {
                english++;
            } else if (FOREIGN.contains(token)) {
                foreign++;
            }
        }
        return foreign >= 2 && foreign > english;
    }
}
