package dev.careerbot.message;

/** The chat platforms CareerBot talks on. */
public enum Platform {
    CONSOLE,
    TELEGRAM,
    DISCORD,
    /** Scripted input: the {@code match} and {@code eval} commands and tests. */
    BATCH
}
