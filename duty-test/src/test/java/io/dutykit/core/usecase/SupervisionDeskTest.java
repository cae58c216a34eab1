package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.core.testdata.DeskFixture.date;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.ConflictException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.testdata.DeskFixture;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisionDeskTest {
    private final DeskFixture f = new DeskFixture();

    private LogRecord lastRecord() {
        return f.log().get(f.log().size() - 1);
    }

    @Test
    void the_supervisor_signs_the_review_with_the_current_chain_head() {
        f.clock.set("2026-11-02T21:10");
        f.desk.appendEntry(SITE, "wang", anEntry().build());
        f.clock.set("2026-11-03T09:10");
        String head = f.head();

        SupervisorReview review = f.desk.signReview(SITE, date("2026-11-02"), "li");

        assertThat(review.logHead()).isEqualTo(head).isNotNull();
        assertThat(review.at()).isEqualTo(at("2026-11-03T09:10"));
        assertThat(lastRecord().id()).isEqualTo("2026-11-02/li/REVIEW_SIGNED");
        assertThat(lastRecord().prevHash()).isEqualTo(head);
        int before = f.log().size();
        f.desk.signReview(SITE, date("2026-11-02"), "li");
        assertThat(f.log()).hasSize(before);
    }

    @Test
    void only_a_supervisor_signs_a_review() {
        f.clock.set("2026-11-03T09:10");
        f.assertRefused("4.3", () -> f.desk.signReview(SITE, date("2026-11-02"), "wang"));
        f.assertRefused("4.3", () -> f.desk.signReview(SITE, date("2026-11-02"), "zhao"));
    }

    @Test
    void a_review_waits_until_the_shift_has_ended() {
        f.clock.set("2026-11-03T08:29");
        f.assertRefused("4.3", () -> f.desk.signReview(SITE, date("2026-11-02"), "li"));
        f.clock.set("2026-11-03T08:30");
        assertThat(f.desk.signReview(SITE, date("2026-11-02"), "li").supervisor())
                .isEqualTo("li");
    }

    @Test
    void the_officer_on_duty_submits_the_duty_report() {
        f.clock.set("2026-11-03T08:20");
        DutyReport report = f.desk.submitDutyReport(SITE, date("2026-11-02"), "wang");
        assertThat(report.author()).isEqualTo("wang");
        assertThat(report.submittedAt()).isEqualTo(at("2026-11-03T08:20"));
        assertThat(lastRecord().id()).isEqualTo("2026-11-02/wang/DUTY_REPORT_SUBMITTED");
    }

    @Test
    void the_duty_report_is_written_by_the_officer_on_duty_once_the_duty_started() {
        f.clock.set("2026-11-03T08:20");
        f.assertRefused("G4", () -> f.desk.submitDutyReport(SITE, date("2026-11-02"), "chen"));
        f.clock.set("2026-11-02T17:29");
        f.assertRefused("G4", () -> f.desk.submitDutyReport(SITE, date("2026-11-02"), "wang"));
    }

    @Test
    void the_substitute_who_took_over_is_the_officer_on_duty_for_the_report() {
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), null, "wang");
        f.desk.approveLeave(SITE, "lv-1", "liu", "li");
        f.clock.set("2026-11-04T17:25");
        f.desk.takeOver(SITE, "ho-2026-11-04", date("2026-11-04"), "he", "liu");
        f.clock.set("2026-11-05T08:00");
        f.assertRefused("G4", () -> f.desk.submitDutyReport(SITE, date("2026-11-04"), "wang"));
        assertThat(f.desk.submitDutyReport(SITE, date("2026-11-04"), "liu").author())
                .isEqualTo("liu");
    }

    @Test
    void the_supervisor_records_trainings_process_reviews_and_spot_checks() {
        f.clock.set("2026-11-10T15:00");
        Training training = new Training(date("2026-11-10"), "fire plan drill", List.of("wang", "chen"));
        f.desk.recordTraining(SITE, "li", training);
        ProcessReview review = f.desk.recordProcessReview(SITE, YearMonth.of(2026, 10), "handover sheets late", "li");
        SpotCheck check = f.desk.recordSpotCheck(SITE, date("2026-11-09"), "desk tidy, log complete", "li");

        assertThat(f.stores.trainings().all(SITE)).containsExactly(training);
        assertThat(review.heldAt()).isEqualTo(at("2026-11-10T15:00"));
        assertThat(check.at()).isEqualTo(at("2026-11-10T15:00"));
        assertThat(f.log())
                .extracting(LogRecord::type)
                .endsWith("TRAINING_RECORDED", "PROCESS_REVIEW_RECORDED", "SPOT_CHECK_RECORDED");
    }

    @Test
    void only_a_supervisor_records_trainings_process_reviews_and_spot_checks() {
        Training training = new Training(date("2026-11-10"), "fire plan drill", List.of("wang"));
        f.assertRefused("G5", () -> f.desk.recordTraining(SITE, "wang", training));
        f.assertRefused("G5", () -> f.desk.recordProcessReview(SITE, YearMonth.of(2026, 10), "x", "zhao"));
        f.assertRefused("3.1", () -> f.desk.recordSpotCheck(SITE, date("2026-11-09"), "x", "chen"));
    }

    @Test
    void a_training_of_an_unknown_attendee_is_not_found() {
        Training training = new Training(date("2026-11-10"), "fire plan drill", List.of("ghost"));
        f.assertFailsWithoutWriting(NotFoundException.class, () -> f.desk.recordTraining(SITE, "li", training));
    }

    @Test
    void a_process_review_is_recorded_once_per_month() {
        f.desk.recordProcessReview(SITE, YearMonth.of(2026, 10), "findings", "li");
        int before = f.log().size();
        f.desk.recordProcessReview(SITE, YearMonth.of(2026, 10), "findings", "li");
        assertThat(f.log()).hasSize(before);
        f.assertFailsWithoutWriting(
                ConflictException.class,
                () -> f.desk.recordProcessReview(SITE, YearMonth.of(2026, 10), "other findings", "li"));
    }
}
