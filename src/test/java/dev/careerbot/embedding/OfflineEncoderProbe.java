package dev.careerbot.embedding;

import java.nio.file.Path;

/**
 * A process of its own for {@code SentenceEncoderOfflineTest}: starts the encoder in the cache
 * folder given as the first argument, embeds the second argument and prints the vector's length
 * and first value, then exits cleanly.
 */
final class OfflineEncoderProbe {

    private OfflineEncoderProbe() {
    }

    public static void main(String[] args) {
        try (SentenceEncoder encoder = SentenceEncoder.open(Path.of(args[0]), 1000)) {
            float[] vector = encoder.encode(args[1]);
            double norm = Math.sqrt(SentenceEncoder.similarity(vector, vector));
            System.out.printf("dimension=%d norm=%.4f first=%.6f%n", vector.length, norm, vector[0]);
        }
    }
}
