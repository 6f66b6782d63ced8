package dev.careerbot.operations;

import dev.careerbot.state.Announcement;
import dev.careerbot.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads reach every instance: when this one reloads a changed knowledge base ({@code /reload},
 * or its watcher saw the file change) it announces the new content hash over the state store, and
 * when another announces, this one reloads its own copy of the file. An instance does not announce
 * a knowledge base it reloaded because of an announcement, so one change makes one round.
 */
final class ReloadAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(ReloadAnnouncements.class);

    private final StateStore store;
    private final LiveConversation live;
    /** The content hash last announced by any instance, this one included. */
    private volatile String shared = "";

    ReloadAnnouncements(StateStore store, LiveConversation live) {
        this.store = store;
        this.live = live;
    }

    /** Starts carrying out the reloads other instances announce. */
    void listen(KnowledgeReloader reloader) {
        store.onAnnouncement(announcement -> {
            if (!announcement.action().equals(Announcement.RELOAD)) {
                log.warn("Ignored an announcement of an unknown action '{}' (a newer instance?)", announcement.action());
                return;
            }
            shared = announcement.detail();
            reloader.reload("announced by another instance");
        });
    }

    /** Called with each reload's outcome: announces a knowledge base this instance is the first to load. */
    void reloaded(ReloadOutcome outcome) {
        if (outcome.status() != ReloadOutcome.Status.RELOADED) {
            return;
        }
        String hash = live.current().knowledge().contentHash();
        if (hash.equals(shared)) {
            return;
        }
        shared = hash;
        store.announce(new Announcement(store.instanceId(), Announcement.RELOAD, hash));
    }
}
