/**
 * What the bot knows: intents with their examples and answers, subjects for follow-ups,
 * synonyms; and the loader that reads and validates {@code config/knowledge.yml}.
 */
package dev.careerbot.knowledge;
