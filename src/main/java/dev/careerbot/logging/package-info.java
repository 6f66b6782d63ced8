/**
 * Logging set-up: a Logback layout and a JSON-lines encoder that remove Telegram and Discord bot
 * tokens from every formatted line, stack traces included, so no secret reaches a log; and the
 * switch to JSON lines that {@code logging.format: json} asks for.
 */
package dev.careerbot.logging;
