/**
 * CareerBot's entry point: the command line ({@code chat}, {@code run}, {@code match},
 * {@code eval}, {@code check}) and the wiring of config, knowledge base, matcher, conversation and
 * platform adapters.
 */
package dev.careerbot;
