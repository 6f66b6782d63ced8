package dev.careerbot.intent;

/**
 * One intent the matcher considered, with its probability.
 *
 * @param intent the intent id
 * @param score the classifier's probability in [0,1]
 */
public record Candidate(String intent, double score) {}
