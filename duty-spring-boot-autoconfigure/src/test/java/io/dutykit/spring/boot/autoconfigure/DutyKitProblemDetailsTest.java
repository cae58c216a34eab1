package io.dutykit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.ChainBrokenException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.procedure.Refusal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** The problem details carry a refusal's stable code, and a broken chain is a 503 naming the site and record. */
class DutyKitProblemDetailsTest {
    private final DutyKitProblemDetails advice = new DutyKitProblemDetails();

    @Test
    void a_refusal_carries_its_code_clause_and_blocking_ids() {
        ProblemDetail problem = advice.refused(ProcedureRefusedException.blocking(
                Refusal.HANDOVER_WITH_OPEN_CRITICAL_WORK, List.of("e-1"), "ho-1", "wang", List.of("e-1"), ""));
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getProperties())
                .containsEntry("code", "HANDOVER_WITH_OPEN_CRITICAL_WORK")
                .containsEntry("clause", "4.2.2")
                .containsEntry("blockingIds", List.of("e-1"));
        assertThat(problem.getDetail()).contains("ho-1").contains("e-1");
    }

    @Test
    void a_broken_chain_is_503_naming_the_site_and_the_first_broken_record() {
        ChainBreak found = new ChainBreak(7L, "e-3/ENTRY_APPENDED", ChainBreak.Problem.HASH_MISMATCH, "altered");
        ProblemDetail problem = advice.chainBroken(
                new ChainBrokenException("garden-court", found, Instant.parse("2026-11-03T01:00:00Z")));
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getType().toString()).isEqualTo("urn:dutykit:problem:chain-broken");
        assertThat(problem.getProperties())
                .containsEntry("siteId", "garden-court")
                .containsEntry("seq", 7L)
                .containsEntry("problem", "HASH_MISMATCH")
                .containsEntry("heldSince", "2026-11-03T01:00:00Z");
    }
}
