/**
 * Sentence embeddings for the matcher: the quantised all-MiniLM-L6-v2 model that ships inside
 * the langchain4j jar, run in process through ONNX Runtime with one intra-op thread, offline and
 * without telemetry, with native libraries extracted to a configurable cache directory rather
 * than the home directory or {@code /tmp}. {@link dev.careerbot.embedding.SentenceEncoder} turns
 * a message into a unit vector; {@link dev.careerbot.embedding.EmbeddingCache} keeps the vectors
 * of the knowledge base's examples on disk so a restart does not compute them again.
 */
package dev.careerbot.embedding;
