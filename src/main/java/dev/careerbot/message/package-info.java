/**
 * The platform-neutral message model: what a person sent ({@link dev.careerbot.message.InboundMessage}),
 * what the bot answers ({@link dev.careerbot.message.Reply} in CareerBot's small
 * {@link dev.careerbot.message.Markup}, with {@link dev.careerbot.message.Suggestion}s), the command
 * table, and the one interface adapters talk to ({@link dev.careerbot.message.Responder}).
 */
package dev.careerbot.message;
