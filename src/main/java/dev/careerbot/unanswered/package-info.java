/**
 * The questions the bot could not answer, kept for review so the knowledge base grows from what
 * people really ask: a JSON-lines log with a salted hash instead of the user id, a size cap with
 * rotation and an age limit; and the {@code review} command that groups similar questions and
 * names the closest existing intent.
 */
package dev.careerbot.unanswered;
