/**
 * Files that hold what people wrote or who they are: created readable and writable by the bot's
 * user only ({@code 0600}, folders {@code 0700}), replaced atomically. Used by the unanswered log
 * and the adapters' memory of answered updates; depends on nothing in the bot but the platform names.
 */
package dev.careerbot.storage;
