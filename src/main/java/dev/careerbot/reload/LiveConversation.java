package dev.careerbot.reload;

import dev.careerbot.conversation.Conversation;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The conversation answering right now. Each message takes {@link #current()} once and finishes
 * on it, so a reload that swaps in a new one never changes the knowledge base under a message.
 */
public final class LiveConversation {

    private final AtomicReference<Conversation> current;

    public LiveConversation(Conversation initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /** The conversation new messages go to. */
    public Conversation current() {
        return current.get();
    }

    void swap(Conversation next) {
        current.set(Objects.requireNonNull(next, "next"));
    }
}
