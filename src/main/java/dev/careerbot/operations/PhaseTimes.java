package dev.careerbot.operations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How long each phase of a start or a reload took (config, knowledge base, encoder, matcher,
 * adapters), kept for the log line that sums them up and for {@code /metrics}
 * ({@code careerbot_phase_seconds{stage,phase}}, the latest of each). Thread-safe.
 */
public final class PhaseTimes {

    /** The start of the process. */
    public static final String START = "start";
    /** A reload of the knowledge base. */
    public static final String RELOAD = "reload";

    private final Map<String, Map<String, Duration>> byStage = new ConcurrentHashMap<>();

    /** Runs the phase and records how long it took, also when it fails. */
    public <T> T time(String stage, String phase, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(stage, phase, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    public void record(String stage, String phase, Duration took) {
        byStage.computeIfAbsent(stage, key -> new ConcurrentHashMap<>()).put(phase, took);
    }

    /** The latest durations, stage to phase to duration. */
    public Map<String, Map<String, Duration>> snapshot() {
        Map<String, Map<String, Duration>> copy = new LinkedHashMap<>();
        byStage.forEach((stage, phases) -> copy.put(stage, Map.copyOf(phases)));
        return copy;
    }

    /** One line for the log: {@code config 12 ms, knowledge base 80 ms, ...} in the given order. */
    public String describe(String stage, String... order) {
        Map<String, Duration> phases = byStage.getOrDefault(stage, Map.of());
        StringJoiner line = new StringJoiner(", ");
        for (String phase : order) {
            Duration took = phases.get(phase);
            if (took != null) {
                line.add(phase + " " + took.toMillis() + " ms");
            }
        }
        return line.toString();
    }
}
