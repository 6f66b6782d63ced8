package dev.careerbot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small {@code --train} file in the format of {@code src/test/resources/datasets/clinc150}: two intents,
 * {@code booking} and {@code weather}, and out-of-scope questions, twelve examples each. The
 * matcher trains on it in milliseconds.
 */
final class TinyTrainingSet {

    private static final List<String> OUT_OF_SCOPE = List.of("play some music", "what time is it", "tell me a joke",
            "who won the game", "how tall is everest", "order a pizza", "what is my name", "set an alarm",
            "translate hello", "call my mother", "how old is the sun", "spell banana");

    private TinyTrainingSet() {}

    static Path writeTo(Path folder) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < OUT_OF_SCOPE.size(); i++) {
            lines.append("{\"text\": \"book a table for ").append(i).append(" people tonight\", \"intent\": \"booking\"}\n");
            lines.append("{\"text\": \"will it rain in city number ").append(i).append("\", \"intent\": \"weather\"}\n");
            lines.append("{\"text\": \"").append(OUT_OF_SCOPE.get(i)).append("\", \"intent\": \"out_of_scope\"}\n");
        }
        return Files.writeString(folder.resolve("train.jsonl"), lines.toString());
    }
}
