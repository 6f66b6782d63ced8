/**
 * CareerBot's entry point: {@link dev.careerbot.CareerBot} parses the command line, and one small
 * class per command ({@code Cli*}: chat, run, match, eval, check, review) wires config, knowledge
 * base, matcher, conversation and platform adapters for it, after a common {@code Startup}.
 */
package dev.careerbot;
