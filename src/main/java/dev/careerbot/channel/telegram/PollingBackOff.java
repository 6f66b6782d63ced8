package dev.careerbot.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * How long long polling waits after a failed {@code getUpdates}, and whether polling works.
 *
 * <p>The library's poller backs off after any failure but never reads Telegram's
 * {@code retry_after}: on a 429 it would come back too early and be refused again. This object is
 * also an OkHttp interceptor on the polling client, so it sees every {@code getUpdates} response
 * first: it reads {@code parameters.retry_after} from a 429 and makes the next back-off at least
 * that long. Other failures (5xx, refused or dropped connections) back off exponentially from
 * {@code initial} up to {@code max}; a success resets it.
 *
 * <p>It also keeps polling from spinning. The library sends the next {@code getUpdates} the moment
 * the last one returns; with {@code long_poll_seconds: 0}, or a Bot API server that answers at once
 * instead of holding the request (some emulators do), that is hundreds of requests a second. So
 * after a poll that brought no updates, the next one starts no sooner than {@code emptyPollInterval}
 * after that one was sent. A real long poll that ran out its timeout is never held up, and neither
 * is a poll after one that brought updates.
 *
 * <p>A poll that fails on its connection (refused, reset, dropped) also tells the send side: idle
 * pooled connections opened before the trouble are likely dead as well, and a reply written into
 * one is lost (sends are never resent blindly). {@code onConnectionTrouble} drops them, so the next
 * reply opens a fresh connection.
 */
final class PollingBackOff implements BackOff, Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(PollingBackOff.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    // An empty batch is {"ok":true,"result":[]}; a longer answer is not read in full just to see that.
    private static final long EMPTY_BATCH_PEEK = 256;

    private final long initialMillis;
    private final long maxMillis;
    private final AtomicLong nextMillis;
    private final AtomicLong retryAfterMillis = new AtomicLong();
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final AtomicBoolean stopped = new AtomicBoolean(false);
    private final long emptyPollIntervalNanos;
    private final long staleAfterNanos;
    private final Runnable onConnectionTrouble;
    private final AtomicLong lastSuccessNanos = new AtomicLong(System.nanoTime());
    // System.nanoTime() before which the next getUpdates must not start; only the polling thread uses it.
    private final AtomicLong notBeforeNanos = new AtomicLong(System.nanoTime());

    /**
     * @param staleAfter how long after the last successful {@code getUpdates} polling counts as
     *     down even without a failure (a poll that hangs): the long-poll timeout plus a margin
     * @param onConnectionTrouble run when a {@code getUpdates} fails on its connection
     */
    PollingBackOff(Duration initial, Duration max, Duration emptyPollInterval, Duration staleAfter,
            Runnable onConnectionTrouble) {
        this.staleAfterNanos = staleAfter.toNanos();
        this.onConnectionTrouble = onConnectionTrouble;
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.nextMillis = new AtomicLong(initialMillis);
        this.emptyPollIntervalNanos = Math.max(0, emptyPollInterval.toNanos());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        boolean polling = chain.request().url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/getupdates");
        if (polling && stopped.get()) {
            return emptyBatch(chain);
        }
        if (polling && !waitBeforePolling()) {
            return emptyBatch(chain);
        }
        long sentNanos = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (polling && stopped.get()) {
                return emptyBatch(chain);
            }
            if (polling) {
                healthy.set(false);
                onConnectionTrouble.run();
            }
            throw e;
        }
        if (polling) {
            if (response.code() == 429) {
                long seconds = retryAfterSeconds(response);
                retryAfterMillis.set(Duration.ofSeconds(seconds).toMillis());
                LOG.warn("Telegram asked to slow down polling (429): waiting {} s before the next getUpdates", seconds);
            }
            healthy.set(response.isSuccessful() && !stopped.get());
            if (response.isSuccessful()) {
                lastSuccessNanos.set(System.nanoTime());
            }
            if (response.isSuccessful() && emptyPollIntervalNanos > 0 && isEmptyBatch(response)) {
                notBeforeNanos.set(sentNanos + emptyPollIntervalNanos);
            }
        }
        return response;
    }

    /** Waits out the pause after an empty poll; false when the adapter stopped meanwhile. */
    private boolean waitBeforePolling() {
        long waitNanos = notBeforeNanos.get() - System.nanoTime();
        if (waitNanos <= 0) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
            return !stopped.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether a successful {@code getUpdates} answer brought no updates. */
    private static boolean isEmptyBatch(Response response) {
        try {
            JsonNode result = JSON.readTree(response.peekBody(EMPTY_BATCH_PEEK).string()).path("result");
            return result.isArray() && result.isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Stopping closes the socket of the long poll in flight. The library would log the failed
     * call as an error and back off; an empty batch instead ends its loop quietly.
     */
    private static Response emptyBatch(Chain chain) {
        return new Response.Builder()
                .request(chain.request())
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .body(ResponseBody.create("{\"ok\":true,\"result\":[]}", MediaType.get("application/json")))
                .build();
    }

    /** From now on a cancelled {@code getUpdates} is the adapter stopping, not a failure. */
    void stop() {
        stopped.set(true);
        healthy.set(false);
    }

    private static long retryAfterSeconds(Response response) {
        try {
            JsonNode body = JSON.readTree(response.peekBody(64 * 1024).string());
            long seconds = body.path("parameters").path("retry_after").asLong(0);
            if (seconds <= 0) {
                seconds = parseHeader(response.header("Retry-After"));
            }
            return Math.max(1, seconds);
        } catch (IOException | RuntimeException e) {
            return Math.max(1, parseHeader(response.header("Retry-After")));
        }
    }

    private static long parseHeader(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void reset() {
        nextMillis.set(initialMillis);
        retryAfterMillis.set(0);
        healthy.set(!stopped.get());
    }

    @Override
    public long nextBackOffMillis() {
        long exponential = nextMillis.getAndUpdate(current -> Math.min(maxMillis, current * 2));
        return Math.max(exponential, retryAfterMillis.getAndSet(0));
    }

    /**
     * False from a failed {@code getUpdates} until the next one succeeds, and when no
     * {@code getUpdates} has succeeded within the long-poll timeout plus a margin.
     */
    boolean healthy() {
        return healthy.get() && System.nanoTime() - lastSuccessNanos.get() <= staleAfterNanos;
    }
}
