/**
 * The configuration ({@code config/careerbot.yml}): where it is found, {@code ${ENV}}
 * substitution, validation with {@code file:line} messages, and the {@code check} command's
 * report over the config and its knowledge base. Tokens are held in {@link dev.careerbot.config.Secret}s.
 */
package dev.careerbot.config;
