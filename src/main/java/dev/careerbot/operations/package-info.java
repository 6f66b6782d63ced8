/**
 * Running the bot for real: the responder the adapters talk to in {@code run} (rate limits, admin
 * commands, {@code /forget}, metrics, the unanswered log around the live conversation), its wiring
 * to the health endpoint, hot reload and logging, and graceful shutdown.
 *
 * <ul>
 *   <li>Per-user rate limits ({@code RateLimiter}): a token bucket for each person, so that one
 *       user cannot flood the bot. The first message over the limit gets one polite notice; the
 *       rest are dropped and counted.
 *   <li>The HTTP endpoint a supervisor and Prometheus read ({@code StatusServer}):
 *       {@code GET /healthz} (200 only while every enabled adapter is connected) and
 *       {@code GET /metrics} (Prometheus text format), served by the JDK's own HTTP server.
 *   <li>What the bot counts and times ({@code BotMetrics}, in Micrometer's Prometheus registry):
 *       messages in and replies out per platform, answers per intent, out-of-scope and "Did you
 *       mean" counts, drops, errors, latency histograms and active sessions; with the start-up
 *       and reload phases ({@link dev.careerbot.operations.PhaseTimes}). Read by {@code /stats}
 *       and served at {@code /metrics}.
 *   <li>Hot reload of the knowledge base ({@code LiveConversation}, {@code KnowledgeReloader},
 *       {@code KnowledgeWatcher}): the live conversation is held in one atomic reference; a reload
 *       validates the edited file and trains the new matcher off the request threads, then swaps it
 *       in, so messages in flight finish on the old one and an invalid edit keeps the old one
 *       running. Triggered by a file watcher on the knowledge base's folder or by an admin's
 *       {@code /reload}.
 * </ul>
 */
package dev.careerbot.operations;
