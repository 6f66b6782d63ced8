/**
 * The dialogue: per-person, per-chat context with expiry and a size bound, commands, follow-ups
 * resolved against the last subject and facet, "Did you mean" questions and fallbacks.
 */
package dev.careerbot.conversation;
