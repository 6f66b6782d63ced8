package dev.careerbot.operations;

import dev.careerbot.conversation.Conversation;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The conversation answering right now. Each message takes {@link #current()} once and finishes
 * on it, so a reload that swaps in a new one never changes the knowledge base under a message.
 *
 * <p>At start the first conversation may still be on its way (its matcher loading or training
 * while the adapters connect, so that a bad token is reported at once): until it is there,
 * {@link #current()} waits for it.
 */
final class LiveConversation {

    private final CompletableFuture<Conversation> first;
    private final AtomicReference<Conversation> current = new AtomicReference<>();

    public LiveConversation(Conversation initial) {
        this(CompletableFuture.completedFuture(Objects.requireNonNull(initial, "initial")));
    }

    /** A conversation that answers once {@code initial} completes. */
    public LiveConversation(CompletableFuture<Conversation> initial) {
        this.first = initial;
        initial.thenAccept(conversation -> current.compareAndSet(null, conversation));
    }

    /**
     * The conversation new messages go to; waits for the first one to be ready.
     *
     * @throws IllegalStateException when the first conversation could not be built
     */
    public Conversation current() {
        Conversation now = current.get();
        if (now != null) {
            return now;
        }
        try {
            first.join();
        } catch (CompletionException failed) {
            throw new IllegalStateException("the bot could not start its matcher: " + failed.getCause(), failed);
        }
        return current.get();
    }

    /** The conversation answering now, without waiting: empty while the first is not ready. */
    public Optional<Conversation> ifReady() {
        return Optional.ofNullable(current.get());
    }

    void swap(Conversation next) {
        current.set(Objects.requireNonNull(next, "next"));
    }
}
