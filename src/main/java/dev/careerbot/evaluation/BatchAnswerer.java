package dev.careerbot.evaluation;

import java.util.Optional;

/** Answers scripted questions, one at a time, in order; questions sharing a session share context. */
public interface BatchAnswerer {

    Outcome answer(String text, Optional<String> session);
}
