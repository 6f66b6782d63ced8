package dev.careerbot.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** {@code eval}: scores a labelled file of questions against the bot. */
public final class EvalCommand {

    private final BatchAnswerer answerer;
    private final LongSupplier nanoClock;

    public EvalCommand(BatchAnswerer answerer, LongSupplier nanoClock) {
        this.answerer = answerer;
        this.nanoClock = nanoClock;
    }

    public EvalReport run(List<JsonLines.Question> questions) {
        List<EvalReport.Scored> scored = new ArrayList<>(questions.size());
        for (JsonLines.Question question : questions) {
            if (question.expect().isEmpty()) {
                throw new EvaluationException("every question to score needs \"expect\": " + question.text());
            }
            long start = nanoClock.getAsLong();
            Outcome outcome = answerer.answer(question.text(), question.session());
            long elapsed = nanoClock.getAsLong() - start;
            scored.add(new EvalReport.Scored(question.expect(), outcome.intent(), elapsed));
        }
        return EvalReport.of(scored);
    }
}
