package dev.careerbot.state;

/** What a person's rate-limit bucket allows for one message. */
public enum Allowance {
    /** A token was taken: answer. */
    ANSWER,
    /** No token, and the person has not been told yet: tell them once to slow down. */
    NOTICE,
    /** No token, and the person was told: skip the message. */
    DROP
}
