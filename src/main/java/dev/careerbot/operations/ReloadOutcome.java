package dev.careerbot.operations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How one reload of the knowledge base ended.
 *
 * @param status what happened
 * @param source the knowledge base file, as messages name it
 * @param intents intents now answering (of the new knowledge base when reloaded, else of the old)
 * @param problems the errors that made it reject the file, each {@code file:line: what to fix};
 *     or the reason it failed
 * @param warnings what could be better in the new file
 * @param took how long loading and training took
 */
record ReloadOutcome(Status status, String source, int intents, List<String> problems, List<String> warnings,
        Duration took) {

    /** The end of a reload. */
    public enum Status {
        /** The new knowledge base answers from now on. */
        RELOADED,
        /** The file has not changed since it was loaded; nothing was done. */
        UNCHANGED,
        /** The file has errors; the old knowledge base keeps answering. */
        REJECTED,
        /** Training or reading failed; the old knowledge base keeps answering. */
        FAILED
    }

    public ReloadOutcome {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** The outcome for an admin, in CareerBot markup. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        switch (status) {
            case RELOADED -> text.append(String.format(Locale.ROOT,
                    "Reloaded %s: %d intents, ready in %.1f s.", source, intents, took.toMillis() / 1000.0));
            case UNCHANGED -> text.append("Nothing to reload: ").append(source).append(" has not changed.");
            case REJECTED -> text.append("Kept the previous knowledge base (").append(intents)
                    .append(" intents): ").append(source).append(" has ").append(problems.size())
                    .append(problems.size() == 1 ? " error" : " errors").append(". Fix and /reload again:");
            case FAILED -> text.append("Kept the previous knowledge base (").append(intents)
                    .append(" intents): the reload failed:");
            default -> throw new IllegalStateException("unknown status " + status);
        }
        problems.forEach(problem -> text.append("\n- ").append(problem));
        if (status == Status.RELOADED && !warnings.isEmpty()) {
            text.append("\n\n").append(warnings.size()).append(" warning(s):");
            warnings.forEach(warning -> text.append("\n- ").append(warning));
        }
        return text.toString();
    }
}
