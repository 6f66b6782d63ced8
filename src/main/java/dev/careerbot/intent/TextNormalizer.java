package dev.careerbot.intent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns raw chat text into the word tokens the matcher reads: the documented prefix of the
 * message only, chat noise removed (URLs, mentions, {@code /command@bot} suffixes, emoji),
 * lower case, contractions and chat shorthand expanded, then the knowledge base's synonyms.
 * Word forms ({@link #stem}) and spelling are handled after this step.
 */
final class TextNormalizer {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern PLATFORM_MENTION = Pattern.compile("<[@#][!&]?\\d+>");
    private static final Pattern AT_MENTION = Pattern.compile("(?<![\\w.])@[\\w.]+");
    private static final Pattern COMMAND_SUFFIX = Pattern.compile("(?<=^|\\s)/(\\w+)@\\w+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02bc`\u00b4]");

    private static final Map<String, String> IRREGULAR_CONTRACTIONS = Map.ofEntries(
            Map.entry("can't", "can not"),
            Map.entry("cannot", "can not"),
            Map.entry("won't", "will not"),
            Map.entry("shan't", "shall not"),
            Map.entry("ain't", "is not"),
            Map.entry("let's", "let us"),
            Map.entry("y'all", "you all"));

    /** Chat shorthand every English-speaking chat uses; knowledge-base synonyms come on top. */
    private static final Map<String, String> SHORTHAND = Map.ofEntries(
            Map.entry("u", "you"),
            Map.entry("ur", "your"),
            Map.entry("r", "are"),
            Map.entry("y", "why"),
            Map.entry("pls", "please"),
            Map.entry("plz", "please"),
            Map.entry("thx", "thanks"),
            Map.entry("thanx", "thanks"),
            Map.entry("ty", "thank you"),
            Map.entry("tysm", "thank you so much"),
            Map.entry("gonna", "going to"),
            Map.entry("wanna", "want to"),
            Map.entry("gotta", "got to"),
            Map.entry("kinda", "kind of"),
            Map.entry("dunno", "do not know"),
            Map.entry("im", "i am"),
            Map.entry("whats", "what is"),
            Map.entry("hows", "how is"),
            Map.entry("wat", "what"),
            Map.entry("wht", "what"),
            Map.entry("abt", "about"),
            Map.entry("bc", "because"),
            Map.entry("cuz", "because"),
            Map.entry("w/", "with"));

    private final int maxInputChars;
    private final PhraseReplacer synonyms;

    TextNormalizer(int maxInputChars, Map<String, String> synonyms) {
        this.maxInputChars = maxInputChars;
        Map<List<String>, List<String>> phrases = new java.util.HashMap<>();
        synonyms.forEach((from, to) -> {
            List<String> key = basicTokens(from);
            if (!key.isEmpty()) {
                phrases.put(key, basicTokens(to));
            }
        });
        this.synonyms = new PhraseReplacer(phrases);
    }

    /** The part of a message the matcher reads: at most {@code maxInputChars} characters. */
    String readablePrefix(String text) {
        if (text.length() <= maxInputChars) {
            return text;
        }
        int end = maxInputChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Tokens after noise removal, shorthand and synonyms; not yet stemmed or spell-checked. */
    List<String> tokens(String text) {
        return synonyms.apply(basicTokens(readablePrefix(text)));
    }

    private static List<String> basicTokens(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        text = URL.matcher(text).replaceAll(" ");
        text = PLATFORM_MENTION.matcher(text).replaceAll(" ");
        text = COMMAND_SUFFIX.matcher(text).replaceAll("$1");
        text = AT_MENTION.matcher(text).replaceAll(" ");
        text = APOSTROPHES.matcher(text).replaceAll("'");
        text = text.toLowerCase(Locale.ROOT)
                .replace("c++", " cplusplus ")
                .replace("c#", " csharp ")
                .replace("f#", " fsharp ")
                .replace(".net", " dotnet ")
                .replace("w/ ", "with ");
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            if (Character.isLetterOrDigit(codePoint) || codePoint == '\'') {
                word.appendCodePoint(codePoint);
            } else {
                flush(word, tokens);
            }
        });
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.isEmpty()) {
            return;
        }
        String token = trimApostrophes(word.toString());
        word.setLength(0);
        if (token.isEmpty()) {
            return;
        }
        String irregular = IRREGULAR_CONTRACTIONS.get(token);
        if (irregular != null) {
            tokens.addAll(List.of(irregular.split(" ")));
            return;
        }
        int apostrophe = token.indexOf('\'');
        if (apostrophe > 0) {
            String head = token.substring(0, apostrophe);
            String tail = token.substring(apostrophe + 1);
            String expanded = switch (tail) {
                case "t" -> head.endsWith("n") ? "not" : "";
                case "re" -> "are";
                case "m" -> "am";
                case "ve" -> "have";
                case "ll" -> "will";
                case "d" -> "would";
                case "s" -> isPronounOrQuestionWord(head) ? "is" : "";
                default -> tail;
            };
            if (tail.equals("t") && head.endsWith("n")) {
                head = head.substring(0, head.length() - 1);
            }
            addShorthand(head, tokens);
            if (!expanded.isEmpty()) {
                tokens.add(expanded);
            }
            return;
        }
        addShorthand(token, tokens);
    }

    private static void addShorthand(String token, List<String> tokens) {
        String expanded = SHORTHAND.get(token);
        if (expanded == null) {
            tokens.add(token);
        } else {
            tokens.addAll(List.of(expanded.split(" ")));
        }
    }

    private static boolean isPronounOrQuestionWord(String word) {
        return switch (word) {
            case "what", "that", "it", "he", "she", "there", "who", "where", "how", "when", "why",
                    "here", "this", "which" -> true;
            default -> false;
        };
    }

    private static String trimApostrophes(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && token.charAt(start) == '\'') {
            start++;
        }
        while (end > start && token.charAt(end - 1) == '\'') {
            end--;
        }
        return token.substring(start, end);
    }

    /**
     * A light, deterministic suffix stripper so that "skills", "skill", "learning" and "learn"
     * meet. It only has to be consistent between examples and messages, not linguistically right.
     */
    static String stem(String token) {
        int length = token.length();
        if (length <= 3 || !Character.isLetter(token.charAt(length - 1))) {
            return token;
        }
        if (token.endsWith("ies") && length > 4) {
            return token.substring(0, length - 3) + "y";
        }
        if (token.endsWith("sses")) {
            return token.substring(0, length - 2);
        }
        if (token.endsWith("s") && !token.endsWith("ss") && !token.endsWith("us")
                && !token.endsWith("is")) {
            token = token.substring(0, length - 1);
            length--;
        }
        if (token.endsWith("ing") && length > 5) {
            return undouble(token.substring(0, length - 3));
        }
        if (token.endsWith("ed") && length > 4) {
            return undouble(token.substring(0, length - 2));
        }
        if (token.endsWith("ly") && length > 5) {
            return token.substring(0, length - 2);
        }
        return token;
    }

    private static String undouble(String stem) {
        int length = stem.length();
        if (length > 3 && stem.charAt(length - 1) == stem.charAt(length - 2)
                && "lsz".indexOf(stem.charAt(length - 1)) < 0) {
            return stem.substring(0, length - 1);
        }
        return stem;
    }
}
