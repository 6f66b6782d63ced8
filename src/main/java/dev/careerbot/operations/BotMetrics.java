package dev.careerbot.operations;

import dev.careerbot.channel.OutboundCall;
import dev.careerbot.message.Platform;
import dev.careerbot.state.StoreHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The bot's counters, timers and gauges, exposed in Prometheus text format by {@link #scrape()}.
 * Names as Prometheus shows them: {@code careerbot_messages_received_total{platform}},
 * {@code careerbot_replies_sent_total{platform}}, {@code careerbot_messages_dropped_total{platform,reason}},
 * {@code careerbot_answers_total{intent}}, {@code careerbot_out_of_scope_total},
 * {@code careerbot_clarifications_total}, {@code careerbot_errors_total{stage}},
 * {@code careerbot_outbound_lost_total{platform,kind}} (replies, button answers and chat actions
 * that never reached the platform),
 * {@code careerbot_matcher_seconds} and {@code careerbot_response_seconds} (histograms),
 * {@code careerbot_sessions_active}, {@code careerbot_adapter_connected{adapter}},
 * {@code careerbot_knowledge_reloads_total{outcome}}. Counters an alert watches for an increase
 * (errors, lost calls) are registered at zero, so the first one is an increase too. Thread-safe.
 */
final class BotMetrics {

    /** Histogram bucket bounds for latencies: from a millisecond to ten seconds. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final PrometheusMeterRegistry registry;
    private final Clock clock;
    private final Instant started;
    private final Counter outOfScope;
    private final Counter clarifications;
    private final Timer matcher;
    private final Timer response;

    public BotMetrics(Clock clock) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.clock = clock;
        this.started = clock.instant();
        this.outOfScope = Counter.builder("careerbot.out_of_scope")
                .description("Messages answered with the out-of-scope fallback").register(registry);
        this.clarifications = Counter.builder("careerbot.clarifications")
                .description("Messages answered with a \"Did you mean\" question").register(registry);
        this.matcher = latency("careerbot.matcher", "Matching a question to an intent, follow-ups included");
        this.response = latency("careerbot.response", "From a message reaching the bot to its reply, end to end");
        for (Platform platform : List.of(Platform.TELEGRAM, Platform.DISCORD)) {
            received(platform, 0);
            for (OutboundCall kind : OutboundCall.values()) {
                lostCounter(platform, kind);
            }
        }
        for (Stage stage : Stage.values()) {
            errorCounter(stage);
        }
    }

    /** Where a failure happened, for {@code careerbot_errors_total{stage}}. */
    public enum Stage {
        /** Anything around the conversation: rate limit, admin commands, /forget. */
        RESPOND,
        /** The conversation could not work out an answer. */
        ANSWER;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Counter errorCounter(Stage stage) {
        return Counter.builder("careerbot.errors").description("Failures while answering or operating")
                .tag("stage", stage.tag()).register(registry);
    }

    private Counter lostCounter(Platform platform, OutboundCall kind) {
        return Counter.builder("careerbot.outbound.lost")
                .description("Calls to a platform that never got through: replies, button answers, chat actions")
                .tag("platform", tag(platform)).tag("kind", kind.tag()).register(registry);
    }

    /** A call to a platform was lost for good. */
    public void outboundLost(Platform platform, OutboundCall kind) {
        lostCounter(platform, kind).increment();
    }

    private Timer latency(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /** A message arrived. */
    public void received(Platform platform) {
        received(platform, 1);
    }

    private void received(Platform platform, int count) {
        Counter.builder("careerbot.messages.received").description("Messages that reached the bot")
                .tag("platform", tag(platform)).register(registry).increment(count);
    }

    /** A reply was handed to the adapter. */
    public void replied(Platform platform) {
        Counter.builder("careerbot.replies.sent").description("Replies handed to the adapters")
                .tag("platform", tag(platform)).register(registry).increment();
    }

    /** A message was not answered, on purpose: {@code rate_limit} or {@code shutdown}. */
    public void dropped(Platform platform, String reason) {
        Counter.builder("careerbot.messages.dropped").description("Messages deliberately not answered")
                .tag("platform", tag(platform)).tag("reason", reason).register(registry).increment();
    }

    /** An intent was answered. */
    public void answered(String intent) {
        Counter.builder("careerbot.answers").description("Answers given, by intent")
                .tag("intent", intent).register(registry).increment();
    }

    public void outOfScope() {
        outOfScope.increment();
    }

    public void clarified() {
        clarifications.increment();
    }

    /** Something failed; {@code stage} says where, for example {@code answer}. */
    public void error(Stage stage) {
        errorCounter(stage).increment();
    }

    /** A knowledge base reload ended: {@code reloaded}, {@code unchanged}, {@code rejected} or {@code failed}. */
    public void reloaded(String outcome) {
        Counter.builder("careerbot.knowledge.reloads").description("Knowledge base reload attempts, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    public void matcherTook(Duration took) {
        matcher.record(took);
    }

    public void responseTook(Duration took) {
        response.record(took);
    }

    /** Reports the number of remembered conversations, read at each scrape. */
    public void activeSessions(Supplier<Integer> sessions) {
        Gauge.builder("careerbot.sessions.active", sessions, supplier -> supplier.get().doubleValue())
                .description("Conversations remembered right now").strongReference(true).register(registry);
    }

    /**
     * Reports the phases of the start and of the latest reload as
     * {@code careerbot_phase_seconds{stage,phase}}, read at each scrape.
     */
    public void phases(PhaseTimes times, List<String> stages, List<String> phases) {
        for (String stage : stages) {
            for (String phase : phases) {
                Gauge.builder("careerbot.phase.seconds", times, t -> seconds(t, stage, phase))
                        .description("How long the phase of the latest start or reload took")
                        .tag("stage", stage).tag("phase", phase).strongReference(true).register(registry);
            }
        }
    }

    private static double seconds(PhaseTimes times, String stage, String phase) {
        Duration took = times.snapshot().getOrDefault(stage, Map.of()).get(phase);
        return took == null ? Double.NaN : took.toNanos() / 1e9;
    }

    /** Reports 1 while the adapter is connected and 0 when not, read at each scrape. */
    public <T> void connected(String adapter, T source, ToDoubleFunction<T> connected) {
        Gauge.builder("careerbot.adapter.connected", source, connected).tag("adapter", adapter)
                .description("1 while the adapter is connected to its platform").strongReference(true)
                .register(registry);
    }

    /**
     * Reports 1 while the shared state store cannot be reached (the bot answers without it) and 0
     * while it works, as {@code careerbot_state_store_degraded{store}}, read at each scrape.
     */
    public void stateStore(Supplier<StoreHealth> health) {
        Gauge.builder("careerbot.state.store.degraded", health, supplier -> supplier.get().degraded() ? 1 : 0)
                .tag("store", health.get().kind())
                .description("1 while the shared state store (Redis) cannot be reached").strongReference(true)
                .register(registry);
    }

    /** Everything in Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** The figures {@code /stats} shows. */
    public Snapshot snapshot() {
        Map<String, Double> receivedByPlatform = new LinkedHashMap<>();
        Map<String, Double> answersByIntent = new LinkedHashMap<>();
        double replies = 0;
        double dropped = 0;
        double errors = 0;
        for (Meter meter : registry.getMeters()) {
            String name = meter.getId().getName();
            if (!(meter instanceof Counter counter)) {
                continue;
            }
            switch (name) {
                case "careerbot.messages.received" -> {
                    if (counter.count() > 0) {
                        receivedByPlatform.merge(meter.getId().getTag("platform"), counter.count(), Double::sum);
                    }
                }
                case "careerbot.answers" -> answersByIntent.merge(meter.getId().getTag("intent"), counter.count(),
                        Double::sum);
                case "careerbot.replies.sent" -> replies += counter.count();
                case "careerbot.messages.dropped" -> dropped += counter.count();
                case "careerbot.errors" -> errors += counter.count();
                default -> {
                }
            }
        }
        Map<String, Long> received = new LinkedHashMap<>();
        receivedByPlatform.forEach((platform, count) -> received.put(platform, Math.round(count)));
        List<Map.Entry<String, Long>> topIntents = answersByIntent.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(entry -> Map.entry(entry.getKey(), Math.round(entry.getValue())))
                .toList();
        return new Snapshot(Duration.between(started, clock.instant()), received, Math.round(replies),
                Math.round(dropped), Math.round(errors), Math.round(outOfScope.count()),
                Math.round(clarifications.count()), topIntents, response.count() == 0 ? Duration.ZERO
                        : Duration.ofNanos(Math.round(response.mean(java.util.concurrent.TimeUnit.NANOSECONDS))));
    }

    /**
     * The figures since start.
     *
     * @param uptime how long the bot has run
     * @param receivedByPlatform messages in, by platform (those with none left out)
     * @param replies replies out
     * @param dropped messages not answered on purpose
     * @param errors failures
     * @param outOfScope out-of-scope fallbacks
     * @param clarifications "Did you mean" questions
     * @param intents answers per intent, most answered first
     * @param meanResponse mean end-to-end time
     */
    public record Snapshot(Duration uptime, Map<String, Long> receivedByPlatform, long replies, long dropped,
            long errors, long outOfScope, long clarifications, List<Map.Entry<String, Long>> intents,
            Duration meanResponse) {

        public Snapshot {
            receivedByPlatform = Map.copyOf(receivedByPlatform);
            intents = List.copyOf(intents);
        }

        public long received() {
            return receivedByPlatform.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static String tag(Platform platform) {
        return platform.name().toLowerCase(Locale.ROOT);
    }
}
