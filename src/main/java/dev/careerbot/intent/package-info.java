/**
 * The intent matcher: text normalisation, spelling correction, word and character n-gram
 * features, a softmax classifier, and thresholds chosen on held-out data, with language and
 * out-of-scope detection.
 */
package dev.careerbot.intent;
