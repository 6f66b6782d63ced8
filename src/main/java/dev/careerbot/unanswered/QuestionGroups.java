package dev.careerbot.unanswered;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups similar questions: each question becomes a vector of its terms (as the matcher reads
 * them: stemmed, synonyms applied, misspellings corrected) and the character trigrams of those
 * terms; a question joins the group whose centre is closest by cosine when that is at least the
 * threshold, else starts a new group. Greedy and order-dependent, but linear in the number of
 * groups per question, which is what a few thousand log lines need.
 */
final class QuestionGroups {

    /** One group of similar questions, most typical first. */
    record Group(List<String> questions) {

        Group {
            questions = List.copyOf(questions);
        }

        String typical() {
            return questions.get(0);
        }

        int size() {
            return questions.size();
        }
    }

    private final Function<String, List<String>> terms;
    private final double threshold;

    /**
     * @param terms how the matcher reads a text
     * @param threshold the least cosine similarity to join a group, from 0 to 1
     */
    QuestionGroups(Function<String, List<String>> terms, double threshold) {
        this.terms = terms;
        this.threshold = threshold;
    }

    /** The groups, largest first. */
    List<Group> group(List<String> questions) {
        List<Cluster> clusters = new ArrayList<>();
        for (String question : questions) {
            Map<String, Double> vector = vector(question);
            if (vector.isEmpty()) {
                continue;
            }
            Cluster best = null;
            double bestSimilarity = threshold;
            for (Cluster cluster : clusters) {
                double similarity = cosine(vector, cluster.centre);
                if (similarity >= bestSimilarity) {
                    best = cluster;
                    bestSimilarity = similarity;
                }
            }
            if (best == null) {
                best = new Cluster();
                clusters.add(best);
            }
            best.add(question, vector);
        }
        List<Group> groups = new ArrayList<>();
        for (Cluster cluster : clusters) {
            groups.add(cluster.toGroup());
        }
        groups.sort(Comparator.comparingInt(Group::size).reversed());
        return groups;
    }

    private Map<String, Double> vector(String question) {
        Map<String, Double> counts = new HashMap<>();
        for (String term : terms.apply(question)) {
            counts.merge("w:" + term, 1.0, Double::sum);
            String padded = "^" + term + "$";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                counts.merge("c:" + padded.substring(i, i + 3), 0.5, Double::sum);
            }
        }
        return normalised(counts);
    }

    private static Map<String, Double> normalised(Map<String, Double> vector) {
        double norm = Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
        Map<String, Double> unit = new HashMap<>();
        if (norm > 0) {
            vector.forEach((key, value) -> unit.put(key, value / norm));
        }
        return unit;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> entry : small.entrySet()) {
            dot += entry.getValue() * large.getOrDefault(entry.getKey(), 0.0);
        }
        return dot;
    }

    private static final class Cluster {
        private final List<String> questions = new ArrayList<>();
        private final List<Map<String, Double>> vectors = new ArrayList<>();
        private final Map<String, Double> sum = new HashMap<>();
        private Map<String, Double> centre = Map.of();

        void add(String question, Map<String, Double> vector) {
            questions.add(question);
            vectors.add(vector);
            vector.forEach((key, value) -> sum.merge(key, value, Double::sum));
            centre = normalised(sum);
        }

        Group toGroup() {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> cosine(vectors.get(i), centre)).reversed());
            return new Group(order.stream().map(questions::get).toList());
        }
    }
}
