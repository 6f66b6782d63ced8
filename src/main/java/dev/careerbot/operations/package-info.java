/**
 * Running the bot for real: the responder the adapters talk to in {@code run} (rate limits, admin
 * commands, {@code /forget}, metrics, the unanswered log around the live conversation), its wiring
 * to the health endpoint, hot reload and logging, and graceful shutdown.
 */
package dev.careerbot.operations;
