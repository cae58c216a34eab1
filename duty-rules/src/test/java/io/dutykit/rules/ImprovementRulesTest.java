package io.dutykit.rules;

import static io.dutykit.rules.Given.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Improvement rules (G5). */
class ImprovementRulesTest {

    @Nested
    class ProcessReviewMissing {
        @Test
        void a_review_held_at_the_deadline_complies() {
            assertThat(given().processReview("2026-10", "2026-11-11T00:00")
                            .check("PROCESS_REVIEW_MISSING", "2026-10-31", "2026-11-01", "2026-12-20T00:00"))
                    .containsExactly("PROCESS_REVIEW_MISSING 2026-11 [li]");
        }

        @Test
        void a_review_held_a_second_late_is_every_supervisor_s() {
            assertThat(given().processReview("2026-10", "2026-11-11T00:00:01")
                            .check("PROCESS_REVIEW_MISSING", "2026-10-31", "2026-10-31", "2026-12-20T00:00"))
                    .containsExactly("PROCESS_REVIEW_MISSING 2026-10 [li]");
        }

        @Test
        void the_deadline_is_midnight_after_the_tenth_of_the_next_month() {
            assertThat(given().check("PROCESS_REVIEW_MISSING", "2026-10-31", "2026-10-31", "2026-11-10T23:59:59"))
                    .isEmpty();
            assertThat(given().check("PROCESS_REVIEW_MISSING", "2026-10-31", "2026-10-31", "2026-11-11T00:00"))
                    .hasSize(1);
        }
    }

    @Nested
    class TrainingOverdue {
        private Given rostered() {
            return given().roster("2026-11", "2026-10-28T16:00", "2026-11-02=wang");
        }

        @Test
        void a_rostered_officer_without_training_in_the_quarter_is_reported_once_it_ends() {
            assertThat(rostered()
                            .training("2026-09-30", "wang")
                            .check("TRAINING_OVERDUE", "2026-11-02", "2026-11-02", "2027-01-01T00:00"))
                    .containsExactly("TRAINING_OVERDUE wang@2026-Q4 [wang]");
        }

        @Test
        void training_on_the_last_day_of_the_quarter_complies() {
            assertThat(rostered()
                            .training("2026-12-31", "wang")
                            .check("TRAINING_OVERDUE", "2026-11-02", "2026-11-02", "2027-01-01T00:00"))
                    .isEmpty();
        }

        @Test
        void a_quarter_that_has_not_ended_is_not_judged() {
            assertThat(rostered().check("TRAINING_OVERDUE", "2026-11-02", "2026-11-02", "2026-12-31T23:59:59"))
                    .isEmpty();
        }

        @Test
        void officers_not_rostered_in_the_quarter_are_not_reported() {
            assertThat(rostered()
                            .training("2026-10-15", "wang")
                            .check("TRAINING_OVERDUE", "2026-11-02", "2026-11-02", "2027-01-01T00:00"))
                    .isEmpty();
        }
    }
}
