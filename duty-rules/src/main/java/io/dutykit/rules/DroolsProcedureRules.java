package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.procedure.DefaultRules;
import io.dutykit.core.procedure.MessageArguments;
import io.dutykit.core.procedure.OpenCriticalWork;
import io.dutykit.core.procedure.ProcedureModel;
import io.dutykit.core.procedure.RuleCatalogue;
import io.dutykit.rules.fact.Finding;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;

/**
 * The procedure's rules run by Drools: the DRL files of a {@link RuleSet} compiled once into a
 * KieBase, evaluated once over each site's facts in a stateless session (sequential mode).
 * Thread-safe.
 *
 * <p>A rules folder is code: a rule can loop or wait. {@link #withTimeout} bounds how long one {@link
 * #evaluate} may take; past it the evaluation is abandoned with a {@link RuleTimeoutException} naming
 * the rule file that was running (the CLI's {@code duty check --rule-timeout}, default 60 s).
 */
public final class DroolsProcedureRules implements ProcedureRules {
    private static final String FINDINGS = "findings";

    private static volatile DroolsProcedureRules defaults;

    private final RuleSet ruleSet;
    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    /** A stateless session is only a factory of working memories: one serves every evaluation and thread. */
    private final StatelessKieSession stateless;

    private final List<RuleProblem> warnings;
    /** Facts of classes no rule matches are not inserted. */
    private final MatchedTypes matched;
    /** How long one evaluation may take, or null for no limit. */
    private final Duration timeout;

    /** Threads that run evaluations under a time limit; daemons, so an abandoned rule cannot hold the JVM. */
    private static final ExecutorService TIMED = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dutykit-rules");
        thread.setDaemon(true);
        return thread;
    });
    /** The facts the live decision inserts: those the rules with its id can match. */
    private final MatchedTypes completionTypes;
    /** The catalogue, parameters and threshold table these rules run with. */
    private final ProcedureModel model;

    private DroolsProcedureRules(RuleSet ruleSet, RuleCompiler.Engine engine) {
        this.ruleSet = ruleSet;
        RuleCompiler.Compiled compiled = RuleCompiler.compile(ruleSet, engine);
        if (!compiled.ok()) {
            throw new RulesException("the rules do not compile:\n"
                    + compiled.problems().stream()
                            .filter(p -> p.level() == RuleProblem.Level.ERROR)
                            .map(RuleProblem::toString)
                            .collect(Collectors.joining("\n")));
        }
        this.kieBase = compiled.kieBase();
        // (without sequential mode) sessions are reset and reused after dispose()
        this.sessions = RuleCompiler.SEQUENTIAL
                ? null
                : kieBase.newKieSessionsPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        this.stateless = RuleCompiler.SEQUENTIAL ? kieBase.newStatelessKieSession() : null;
        this.warnings = List.copyOf(compiled.problems());
        this.matched = MatchedTypes.of(kieBase);
        this.timeout = null;
        this.completionTypes = MatchedTypes.ofRule(kieBase, COMPLETION_RULE);
        RuleCatalogue catalogue = catalogue(kieBase, ruleSet);
        List<RuleProblem> errors = FolderChecks.afterCompile(ruleSet, catalogue).stream()
                .filter(RuleProblem::isError)
                .toList();
        if (!errors.isEmpty()) {
            throw new RulesException("the rules folder " + ruleSet.folder() + " cannot be used:\n"
                    + errors.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        }
        this.model = new ProcedureModel(catalogue, ruleSet.parameters().parameterValues(), ruleSet.thresholds());
    }

    private DroolsProcedureRules(DroolsProcedureRules rules, Duration timeout) {
        this.ruleSet = rules.ruleSet;
        this.kieBase = rules.kieBase;
        this.sessions = rules.sessions;
        this.stateless = rules.stateless;
        this.warnings = rules.warnings;
        this.matched = rules.matched;
        this.timeout = timeout;
        this.completionTypes = rules.completionTypes;
        this.model = rules.model;
    }

    /**
     * These rules, compiled once, with each {@link #evaluate} limited to {@code timeout} (null or zero: no
     * limit, the default). Past the limit the evaluation's thread is interrupted and abandoned — a rule
     * that loops without waiting keeps running on a daemon thread until the JVM ends, which is why a
     * rules folder from anyone but a trusted reviewer has no place in a long-running process — and
     * {@link RuleTimeoutException} names the rule file that was running. The live completion decision
     * ({@link #decideCompletion}) is not limited: it answers in well under a millisecond.
     *
     * @throws io.dutykit.core.InvalidValueException for a negative timeout
     */
    public DroolsProcedureRules withTimeout(Duration timeout) {
        if (timeout != null && timeout.isNegative()) {
            throw io.dutykit.core.InvalidValueException.of(
                    "the rule timeout (%s) must not be negative; give a duration such as 60s, or 0 for none", timeout);
        }
        return new DroolsProcedureRules(this, timeout == null || timeout.isZero() ? null : timeout);
    }

    /** The time limit of one evaluation, or null for none. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The catalogue of the compiled rules: each rule's {@code @id}, {@code @clause} and {@code
     * @severity} as its findings report them, whether it comes from a company's file and, for a
     * company's rule, the arguments its {@code Finding.of} passes; with the rules' texts, the company's
     * {@code messages*.properties} over the defaults.
     */
    static RuleCatalogue catalogue(KieBase kieBase, RuleSet ruleSet) {
        Set<String> companyFiles = new HashSet<>();
        for (RuleSet.RuleFile file : ruleSet.ruleFiles()) {
            if (file.isCompanyFile()) {
                companyFiles.add(file.name());
            }
        }
        List<RuleCatalogue.CompiledRule> compiled = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String file = fileOf(rule);
                compiled.add(new RuleCatalogue.CompiledRule(
                        Finding.idOf(rule),
                        Finding.clauseOf(rule),
                        Finding.severityOf(rule),
                        companyFiles.contains(file),
                        arguments(ruleSet, file, rule.getName())));
            }
        }
        // packages come in no particular order: sort by file and name for a stable catalogue
        compiled.sort(Comparator.comparing(RuleCatalogue.CompiledRule::id));
        return RuleCatalogue.compiled(compiled).withMessages(ruleSet.messages().over(ViolationMessages.defaults()));
    }

    /** What a rule of the file passes as message arguments, read from its DRL ({@link RuleDeclarations}). */
    private static List<String> arguments(RuleSet ruleSet, String file, String name) {
        RuleDeclarations declared = ruleSet.declarations().get(file);
        if (declared == null) {
            return List.of();
        }
        return declared.rules().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .map(RuleDeclarations.Declaration::arguments)
                .orElse(List.of());
    }

    /** The name of the file a compiled rule came from, or "" when the engine does not say. */
    private static String fileOf(Rule rule) {
        if (rule instanceof RuleImpl impl
                && impl.getResource() != null
                && impl.getResource().getSourcePath() != null) {
            String path = impl.getResource().getSourcePath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return "";
    }

    /** The default rules, compiled once per JVM and shared. */
    public static DroolsProcedureRules defaults() {
        DroolsProcedureRules rules = defaults;
        if (rules == null) {
            synchronized (DroolsProcedureRules.class) {
                rules = defaults;
                if (rules == null) {
                    rules = new DroolsProcedureRules(RuleSet.defaults(), RuleCompiler.Engine.MVEL);
                    defaults = rules;
                }
            }
        }
        return rules;
    }

    /**
     * Compiles the rule set.
     *
     * @throws RulesException naming every file and line that does not compile
     */
    public static DroolsProcedureRules of(RuleSet ruleSet) {
        return new DroolsProcedureRules(ruleSet, RuleCompiler.Engine.MVEL);
    }

    static DroolsProcedureRules of(RuleSet ruleSet, RuleCompiler.Engine engine) {
        return new DroolsProcedureRules(ruleSet, engine);
    }

    /** The rule set these rules were compiled from. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** The procedure these rules run: the catalogue read from the compiled rules, the parameters, the table. */
    @Override
    public ProcedureModel model() {
        return model;
    }

    /** The rules in effect, read from the compiled rules (a company's changed and added rules included). */
    public RuleCatalogue catalogue() {
        return model.rules();
    }

    /** Warnings the engine gave while compiling (never errors: those stop compilation). */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    @Override
    public List<Violation> evaluate(SiteRecords records, CheckPeriod period, Instant asOf) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(asOf, "asOf");
        List<Object> facts =
                new Facts(records, period, asOf, ruleSet.parameters(), ruleSet.thresholds(), matched::matches).all();
        Collection<?> found =
                timeout == null ? findings(facts) : timed(records.site().id(), facts);
        return violations(records.site().id(), records.site().zone(), found);
    }

    /** {@link #findings} on a thread of its own, abandoned past {@link #timeout}. */
    private Collection<?> timed(String site, List<Object> facts) {
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<Collection<?>> future = TIMED.submit(() -> {
            worker.set(Thread.currentThread());
            return findings(facts);
        });
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            Thread running = worker.get();
            StackTraceElement[] stack = running == null ? new StackTraceElement[0] : running.getStackTrace();
            future.cancel(true);
            RunningRule rule = RunningRule.of(stack, ruleSet);
            throw new RuleTimeoutException(
                    site, timeout, rule == null ? null : rule.file(), rule == null ? null : rule.what());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the rules engine threw " + cause, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RulesException("the check of site " + site + " was interrupted", e);
        }
    }

    /**
     * One violation per rule and subject (a rule that matches a subject several ways, e.g. two gaps
     * between patrols, reports the earliest instant), in report order.
     */
    static List<Violation> violations(String site, ZoneId zone, Collection<?> found) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Object o : found) {
            Finding f = (Finding) o;
            unique.merge(f.rule() + "\u0000" + f.subject(), f, DroolsProcedureRules::earlier);
        }
        List<Violation> list = new ArrayList<>(unique.size());
        for (Finding f : unique.values()) {
            List<String> args = MessageArguments.texts(f.arguments(), zone);
            list.add(new Violation(
                    site,
                    f.rule(),
                    f.clause(),
                    f.severity(),
                    f.subject(),
                    f.responsible(),
                    f.date(),
                    f.at(),
                    f.rule(),
                    args));
        }
        list.sort(
                Violation.REPORT_ORDER.thenComparing(Violation::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return list;
    }

    private static Finding earlier(Finding a, Finding b) {
        if (a.at() == null) {
            return b.at() == null ? a : b;
        }
        return b.at() != null && b.at().isBefore(a.at()) ? b : a;
    }

    /**
     * Asks the rule {@value #COMPLETION_RULE} itself: the records are evaluated as if the handover
     * completed at {@code at}, so a company that changes that rule changes the live decision too.
     * Only the facts that the rules with that id can match are inserted (read from the compiled
     * network, {@link MatchedTypes#ofRule}), which keeps the answer well under a millisecond. The open
     * items named in a refusal come from the core's definition ({@link OpenCriticalWork}); when a
     * changed rule refuses for another reason, the refusal names the rule.
     */
    @Override
    public HandoverDecision decideCompletion(SiteRecords records, Handover handover, Instant at) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(handover, "handover");
        Objects.requireNonNull(at, "at");
        List<Handover> handovers = new ArrayList<>(records.handovers().size() + 1);
        for (Handover h : records.handovers()) {
            if (!h.id().equals(handover.id())) {
                handovers.add(h);
            }
        }
        handovers.add(asCompletedAt(handover, at));
        SiteRecords asIfCompleted = records.toBuilder().handovers(handovers).build();
        CheckPeriod day = new CheckPeriod(handover.date(), handover.date());
        List<Object> facts = new Facts(
                        asIfCompleted, day, at, ruleSet.parameters(), ruleSet.thresholds(), completionTypes::matches)
                .all();
        boolean refused = findings(facts).stream()
                .map(Finding.class::cast)
                .anyMatch(f -> f.rule().equals(COMPLETION_RULE) && f.subject().equals(handover.id()));
        if (!refused) {
            return HandoverDecision.allow();
        }
        HandoverDecision open = OpenCriticalWork.decide(records, handover, at);
        return open.allowed()
                ? HandoverDecision.refuse(
                        List.of(),
                        List.of("the rule " + COMPLETION_RULE + " (4.2.2) refuses to complete handover " + handover.id()
                                + " at this moment; see the company's rules"))
                : open;
    }

    /** The rule whose verdict is the live decision "may this handover complete now?". */
    static final String COMPLETION_RULE = DefaultRules.COMPLETION_RULE;

    private static Handover asCompletedAt(Handover h, Instant at) {
        return new Handover(
                h.id(),
                h.date(),
                h.scheduledAt(),
                h.outgoing(),
                h.incoming(),
                h.incomingArrivedAt(),
                h.outgoingReadyAt(),
                h.inventory(),
                h.anomalies(),
                h.carriedOver(),
                h.signatures(),
                at,
                h.checks());
    }

    private Collection<?> findings(List<Object> facts) {
        if (RuleCompiler.SEQUENTIAL) {
            ExecutionResults results = stateless.execute(CommandFactory.newBatchExecution(List.of(
                    CommandFactory.newInsertElements(facts),
                    CommandFactory.newFireAllRules(),
                    CommandFactory.newGetObjects(new ClassObjectFilter(Finding.class), FINDINGS))));
            return new ArrayList<>((Collection<?>) results.getValue(FINDINGS));
        }
        KieSession session = sessions.newKieSession();
        try {
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
            return new ArrayList<>(session.getObjects(new ClassObjectFilter(Finding.class)));
        } finally {
            session.dispose();
        }
    }

    /** The core's one definition of what is due ({@link io.dutykit.core.procedure.Deadlines}), with these rules' parameters. */
    @Override
    public List<DueItem> due(SiteRecords records, Instant asOf, Duration horizon) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(horizon, "horizon");
        return model.due(records, asOf, horizon);
    }
}
