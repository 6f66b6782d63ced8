package dev.careerbot.operations;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the knowledge base's folder and calls back once the file has changed and then stayed
 * quiet for the debounce time, so an editor's save (often a temporary file and a rename, or
 * several writes) triggers one reload. Watching the folder, not the file, also sees a file
 * replaced by a rename.
 */
final class KnowledgeWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);

    private final Path file;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService service;
    private final Thread thread;

    private KnowledgeWatcher(Path file, Duration debounce, Runnable onChange, WatchService service) {
        this.file = file;
        this.debounce = debounce;
        this.onChange = onChange;
        this.service = service;
        this.thread = new Thread(this::watch, "careerbot-knowledge-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching.
     *
     * @param file the knowledge base file
     * @param debounce how long the file must stay quiet before {@code onChange} runs
     * @param onChange what to do then (start a reload; it must not block for long)
     * @throws IOException when the folder cannot be watched
     */
    public static KnowledgeWatcher start(Path file, Duration debounce, Runnable onChange) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        WatchService service = FileSystems.getDefault().newWatchService();
        try {
            absolute.getParent().register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        KnowledgeWatcher watcher = new KnowledgeWatcher(absolute, debounce, onChange, service);
        watcher.thread.start();
        log.info("Watching {} for changes", absolute);
        return watcher;
    }

    private void watch() {
        try {
            while (true) {
                if (!concernsFile(service.take())) {
                    continue;
                }
                awaitQuiet();
                try {
                    onChange.run();
                } catch (RuntimeException failure) {
                    log.warn("Reacting to a change of {} failed: {}", file, failure.toString());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the knowledge base file has had no event for the debounce time. Events about
     * other files in the folder (an unanswered-questions log written on every message, the cache)
     * do not extend the wait: under steady traffic they would put the reload off for ever.
     */
    private void awaitQuiet() throws InterruptedException {
        long quiet = Math.max(1, debounce.toNanos());
        long until = System.nanoTime() + quiet;
        for (long wait = quiet; wait > 0; wait = until - System.nanoTime()) {
            WatchKey more = service.poll(wait, TimeUnit.NANOSECONDS);
            if (more == null) {
                return;
            }
            if (concernsFile(more)) {
                until = System.nanoTime() + quiet;
            }
        }
    }

    /** Drains the key's events; true when one of them is about the knowledge base file. */
    private boolean concernsFile(WatchKey key) {
        boolean concerns = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            concerns |= event.kind() == StandardWatchEventKinds.OVERFLOW
                    || file.getFileName().equals(event.context());
        }
        key.reset();
        return concerns;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            log.debug("Closing the watch service: {}", e.toString());
        }
        thread.interrupt();
    }
}
