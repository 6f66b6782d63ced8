/**
 * Hot reload of the knowledge base: the live conversation is held in one atomic reference; a
 * reload validates the edited file and trains the new matcher off the request threads, then swaps
 * it in, so messages in flight finish on the old one and an invalid edit keeps the old one running.
 * Triggered by a file watcher on the knowledge base's folder or by an admin's {@code /reload}.
 */
package dev.careerbot.reload;
