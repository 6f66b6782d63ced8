package dev.careerbot.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime's graph optimisation done once per machine: the first start optimises the model
 * (about a second on a small machine) and saves the optimised graph in the cache folder; later
 * starts load that file with optimisation switched off, as ONNX Runtime documents for offline
 * optimisation. The extended level is used, whose result runs on any processor (the "all" level
 * may add layouts specific to this one). A file that does not load is removed and made again.
 * The cache folder must be writable (it holds the native libraries too).
 */
final class OptimizedModel {

    private static final Logger LOG = LoggerFactory.getLogger(OptimizedModel.class);

    private OptimizedModel() {}

    static OrtSession session(OrtEnvironment environment, SessionOptions options, Path optimized,
            Supplier<byte[]> original) throws OrtException {
        if (Files.isRegularFile(optimized)) {
            try {
                options.setOptimizationLevel(SessionOptions.OptLevel.NO_OPT);
                return environment.createSession(optimized.toString(), options);
            } catch (OrtException unusable) {
                LOG.warn("Ignoring the optimised model {} ({}); optimising the model again", optimized,
                        unusable.getMessage());
                deleteQuietly(optimized);
            }
        }
        byte[] model = original.get();
        options.setOptimizationLevel(SessionOptions.OptLevel.EXTENDED_OPT);
        Path partial = null;
        try {
            Files.createDirectories(optimized.getParent());
            partial = Files.createTempFile(optimized.getParent(), optimized.getFileName().toString(), ".part");
            options.setOptimizedModelFilePath(partial.toString());
            OrtSession session = environment.createSession(model, options);
            moveAtomically(partial, optimized);
            return session;
        } catch (IOException notSaved) {
            throw new EmbeddingException("Cannot save the optimised model to " + optimized
                    + ": make the cache folder writable or choose another one (" + notSaved + ")", notSaved);
        } finally {
            if (partial != null) {
                deleteQuietly(partial);
            }
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", file, e.toString());
        }
    }
}
