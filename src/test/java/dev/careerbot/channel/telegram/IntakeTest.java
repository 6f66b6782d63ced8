package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.channel.AnsweredIds;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IntakeTest {

    private final AnsweredIds answered = AnsweredIds.inMemory();
    private final Intake intake = new Intake(answered, 3, Duration.ofMillis(50));

    @Test
    void confirmsOnlyUpToTheOldestUpdateStillBeingAnswered() {
        for (int id = 10; id <= 12; id++) {
            assertEquals(Intake.Admission.NEW, intake.admit(id));
            intake.hold(id);
        }
        assertEquals(10, intake.offset());

        intake.finish(11);
        assertEquals(10, intake.offset(), "11 is answered, but 10 is not: Telegram must keep 10");
        intake.finish(10);
        assertEquals(12, intake.offset());
        intake.finish(12);
        assertEquals(13, intake.offset());
        assertEquals(3, intake.finished());
    }

    @Test
    void skipsWhatItHoldsAndWhatWasAnsweredBeforeARestart() {
        answered.add(21);
        assertEquals(Intake.Admission.NEW, intake.admit(20));
        intake.hold(20);
        assertEquals(Intake.Admission.ANSWERED_BEFORE, intake.admit(21));
        assertEquals(Intake.Admission.HELD, intake.admit(20), "fetched again while pending");
        assertEquals(20, intake.offset());
    }

    @Test
    void doesNotPollWhileTheBacklogIsFullAndPollsAgainOnceAnUpdateIsAnswered() throws Exception {
        for (int id = 1; id <= 3; id++) {
            intake.admit(id);
            intake.hold(id);
        }
        CompletableFuture<Integer> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return intake.nextPollOffset();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertFalse(poll.isDone(), "three held, capacity three: no poll");

        intake.finish(1);

        assertEquals(2, poll.get(5, TimeUnit.SECONDS));
    }

    @Test
    void forgetsAnsweredIdsOnceTheirOffsetIsConfirmed() throws Exception {
        intake.admit(30);
        intake.hold(30);
        intake.finish(30);
        assertTrue(answered.contains(30));
        assertEquals(31, intake.nextPollOffset());

        intake.lastPollConfirmed();

        assertFalse(answered.contains(30), "Telegram never sends 30 again");
    }
}
