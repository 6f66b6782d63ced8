package dev.careerbot.operations;

/** What to do with one message under the rate limit. */
enum Verdict {
    /** Within the limit: answer it. */
    ANSWER,
    /** The first message over the limit: tell the person once to slow down. */
    NOTICE,
    /** Over the limit and already told: drop it silently (and count it). */
    DROP
}
