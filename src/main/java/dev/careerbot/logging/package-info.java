/**
 * Logging set-up: a Logback layout that removes Telegram and Discord bot tokens from every
 * formatted line, stack traces included, so no secret reaches a log.
 */
package dev.careerbot.logging;
