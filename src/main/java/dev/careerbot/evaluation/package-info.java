/**
 * The scripted tools: {@code match} (JSON lines in, one answer line out for each) and
 * {@code eval} (accuracy, out-of-scope recall and precision, per-intent scores, confusions and
 * latency over a labelled file), on the knowledge base or on a training file such as CLINC150.
 */
package dev.careerbot.evaluation;
