package dev.careerbot.conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * What the bot remembers of one person's conversation in one chat.
 *
 * @param lastIntent the intent answered last
 * @param subject what the conversation is about (a subject id), kept across intents that have none
 * @param facet the side of the subject the last answer covered
 * @param lastSeen when the person last wrote
 */
record SessionContext(Optional<String> lastIntent, Optional<String> subject, Optional<String> facet,
        Instant lastSeen) {

    static SessionContext fresh(Instant now) {
        return new SessionContext(Optional.empty(), Optional.empty(), Optional.empty(), now);
    }
}
