package dev.careerbot.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors and warnings found in one document, each formatted {@code file:line: message}.
 * A loader collects all of them before it gives up, so one run shows every problem.
 */
public final class Findings {

    private final String source;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** @param source how messages name the document, usually its file */
    public Findings(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    public void error(int line, String message) {
        errors.add(source + ":" + line + ": " + message);
    }

    public void warning(int line, String message) {
        warnings.add(source + ":" + line + ": " + message);
    }

    /** Errors already formatted by someone else, for example by the {@link YamlReader}. */
    public void errors(List<String> formatted) {
        errors.addAll(formatted);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
