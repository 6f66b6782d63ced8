/**
 * Per-user rate limits: a token bucket for each person, so that one user cannot flood the bot.
 * The first message over the limit gets one polite notice; the rest are dropped and counted.
 */
package dev.careerbot.ratelimit;
