package dev.careerbot.embedding;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;

/**
 * langchain4j's in-process model around an encoder this package built itself (so that the ONNX
 * session has one intra-op thread), running every call on the caller's thread.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    MiniLmModel(OnnxBertBiEncoder encoder, int dimension) {
        super(Runnable::run);
        this.encoder = encoder;
        this.dimension = dimension;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
