/**
 * What the bot counts and times, in Micrometer's Prometheus registry: messages in and replies out
 * per platform, answers per intent, out-of-scope and "Did you mean" counts, drops, errors,
 * latency histograms and active sessions. Read by {@code /stats} and served at {@code /metrics}.
 */
package dev.careerbot.metrics;
