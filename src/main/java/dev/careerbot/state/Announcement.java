package dev.careerbot.state;

import java.util.Objects;

/**
 * An admin action every instance must carry out, such as a knowledge-base reload.
 *
 * @param origin the instance that announced it (each ignores its own)
 * @param action what to do, for example {@link #RELOAD}
 * @param detail what the receivers need to know, for a reload the content hash of the new knowledge base
 */
public record Announcement(String origin, String action, String detail) {

    /** Reload the knowledge base from its file. */
    public static final String RELOAD = "reload";

    public Announcement {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }
}
