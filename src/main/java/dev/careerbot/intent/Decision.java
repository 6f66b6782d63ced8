package dev.careerbot.intent;

/** What the matcher concluded about a message. */
public enum Decision {
    /** Confident enough: answer the top intent. */
    ANSWER,
    /** Between the thresholds: ask "Did you mean X or Y?" with the two best intents. */
    CLARIFY,
    /** Not something the knowledge base covers. */
    OUT_OF_SCOPE,
    /** Written in another language than English. */
    OTHER_LANGUAGE,
    /** Nothing readable in it (blank, only emoji or punctuation). */
    EMPTY
}
