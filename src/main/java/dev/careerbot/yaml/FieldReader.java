package dev.careerbot.yaml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads typed values out of {@link YamlNode}s and reports each value of the wrong type, unknown
 * key or out-of-range number to a {@link Findings}, naming the line. Every method returns empty
 * when the value is missing or wrong, so a loader goes on and finds the next problem too.
 * {@code what} is how a message names the value, for example {@code matcher.max_input_chars}.
 */
public final class FieldReader {

    private final Findings findings;

    public FieldReader(Findings findings) {
        this.findings = findings;
    }

    /** The node as a mapping; reports keys not in {@code allowedKeys}, naming the allowed ones. */
    public Optional<YamlMapping> mapping(YamlNode node, String what, Collection<String> allowedKeys) {
        if (!(node instanceof YamlMapping mapping)) {
            findings.error(node.line(), what + " must be a mapping of " + String.join(", ", allowedKeys)
                    + ", but is " + node.describe());
            return Optional.empty();
        }
        for (YamlEntry entry : mapping.entries()) {
            if (!allowedKeys.contains(entry.key())) {
                findings.error(entry.line(), "unknown key '" + entry.key() + "' in " + what
                        + Spelling.didYouMean(entry.key(), allowedKeys) + ": the allowed keys are "
                        + String.join(", ", allowedKeys));
            }
        }
        return Optional.of(mapping);
    }

    /** The node as a list; an empty value counts as an empty list. */
    public Optional<YamlSequence> list(YamlNode node, String what) {
        if (node instanceof YamlSequence sequence) {
            return Optional.of(sequence);
        }
        if (isEmpty(node)) {
            return Optional.of(new YamlSequence(node.line(), List.of()));
        }
        findings.error(node.line(), what + " must be a list (lines starting with '- ' or [a, b]), but is "
                + node.describe());
        return Optional.empty();
    }

    /**
     * The node as text: line breaks normalised to \n, surrounding white space stripped. Empty when
     * the value is missing or blank (the caller decides whether that is an error).
     */
    public Optional<String> text(YamlNode node, String what) {
        if (!(node instanceof YamlScalar scalar)) {
            findings.error(node.line(), what + " must be text, but is " + node.describe());
            return Optional.empty();
        }
        String text = normalise(scalar.text());
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The items of a list of text; blank items are reported with their line and left out. */
    public List<YamlScalar> texts(YamlNode node, String what) {
        List<YamlScalar> texts = new ArrayList<>();
        list(node, what).ifPresent(sequence -> {
            for (YamlNode item : sequence.items()) {
                text(item, "each item of " + what).ifPresentOrElse(
                        text -> texts.add(new YamlScalar(item.line(), text, YamlScalar.Type.TEXT)),
                        () -> {
                            if (item instanceof YamlScalar) {
                                findings.error(item.line(), "an item of " + what + " is empty: remove the line or fill it in");
                            }
                        });
            }
        });
        return texts;
    }

    /** A whole number from {@code min} to {@code max}. */
    public OptionalInt integer(YamlNode node, String what, int min, int max) {
        String range = what + " must be a whole number from " + min + " to " + max;
        Optional<BigDecimal> number = number(node, range);
        if (number.isEmpty()) {
            return OptionalInt.empty();
        }
        BigDecimal value = number.get();
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            findings.error(node.line(), range + ", but is " + value.toPlainString());
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.intValueExact());
    }

    /** A number from {@code min} to {@code max}; {@code minExclusive} leaves out {@code min} itself. */
    public OptionalDouble decimal(YamlNode node, String what, double min, boolean minExclusive, double max) {
        String range = what + " must be a number " + (minExclusive ? "above " : "from ") + format(min) + " to "
                + format(max);
        Optional<BigDecimal> number = number(node, range);
        if (number.isEmpty()) {
            return OptionalDouble.empty();
        }
        double value = number.get().doubleValue();
        if (value < min || (minExclusive && value == min) || value > max) {
            findings.error(node.line(), range + ", but is " + number.get().toPlainString());
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(value);
    }

    /** {@code true} or {@code false}. */
    public Optional<Boolean> bool(YamlNode node, String what) {
        if (node instanceof YamlScalar scalar) {
            switch (scalar.text().strip().toLowerCase(Locale.ROOT)) {
                case "true":
                    return Optional.of(true);
                case "false":
                    return Optional.of(false);
                default:
                    break;
            }
        }
        findings.error(node.line(), what + " must be true or false, but is " + shown(node));
        return Optional.empty();
    }

    /**
     * The yes/no value under {@code key} of a section, or the fallback when the key is absent or
     * empty; a value of the wrong type is reported as {@code path.key} and also falls back.
     */
    public boolean boolOr(YamlMapping section, String path, String key, boolean fallback) {
        return section.get(key).filter(node -> !isEmpty(node))
                .flatMap(node -> bool(node, path + "." + key)).orElse(fallback);
    }

    /**
     * The whole number under {@code key} of a section, in [min, max], or the fallback when the key
     * is absent or empty; a wrong value is reported as {@code what} and also falls back.
     */
    public int integerOr(YamlMapping section, String what, String key, int min, int max, int fallback) {
        return section.get(key).filter(node -> !isEmpty(node))
                .map(node -> integer(node, what, min, max))
                .filter(OptionalInt::isPresent).map(OptionalInt::getAsInt).orElse(fallback);
    }

    /** True for a missing value: an empty scalar or {@code null}. */
    public static boolean isEmpty(YamlNode node) {
        return node instanceof YamlScalar scalar && (scalar.isNull() || scalar.text().isBlank());
    }

    /** Line breaks normalised to \n and surrounding white space stripped. */
    public static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private Optional<BigDecimal> number(YamlNode node, String expectation) {
        if (node instanceof YamlScalar scalar && !scalar.isNull()) {
            try {
                return Optional.of(new BigDecimal(scalar.text().strip().replace("_", "")));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        findings.error(node.line(), expectation + ", but is " + shown(node));
        return Optional.empty();
    }

    private static String shown(YamlNode node) {
        if (node instanceof YamlScalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
            return "'" + scalar.text().strip() + "'";
        }
        return isEmpty(node) ? "empty" : node.describe();
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
