package io.dutykit.core;

import io.dutykit.core.procedure.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The procedure forbids what was asked; nothing was written. Carries a stable reason code ({@link
 * #code()}, one of {@link Refusal}), the clause it protects (e.g. {@code 4.2.2}), its message in
 * English or Chinese ({@link #message(Locale)}) and, where there are any, the ids of the records that
 * stand in the way. {@link #getMessage()} is the English message after {@code refused by clause …:}.
 */
public final class ProcedureRefusedException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    private final Refusal refusal;
    private final List<String> arguments;
    private final List<String> blockingIds;

    private ProcedureRefusedException(Refusal refusal, List<String> arguments, List<String> blockingIds) {
        super("refused by clause " + refusal.clause() + ": " + refusal.message(Locale.ENGLISH, arguments));
        this.refusal = refusal;
        this.arguments = arguments;
        this.blockingIds = List.copyOf(blockingIds);
    }

    /**
     * A refusal for the reason, with its message arguments in the order {@link Refusal#arguments()} names
     * them: text as it is, a list or set joined by ", ", an instant in ISO form, null as "nobody".
     */
    public static ProcedureRefusedException of(Refusal refusal, Object... arguments) {
        return blocking(refusal, List.of(), arguments);
    }

    /** As {@link #of}, naming the records that stand in the way. */
    public static ProcedureRefusedException blocking(Refusal refusal, List<String> blockingIds, Object... arguments) {
        Objects.requireNonNull(refusal, "refusal");
        if (arguments.length != refusal.arguments().size()) {
            throw new IllegalArgumentException("refusal " + refusal + " takes the arguments " + refusal.arguments()
                    + ", given " + arguments.length);
        }
        List<String> texts = new ArrayList<>(arguments.length);
        for (Object argument : arguments) {
            texts.add(text(argument));
        }
        return new ProcedureRefusedException(refusal, texts, blockingIds);
    }

    private static String text(Object argument) {
        if (argument == null) {
            return null;
        }
        if (argument instanceof Collection<?> values) {
            List<String> parts = new ArrayList<>();
            for (Object value : values) {
                parts.add(String.valueOf(value));
            }
            return String.join(", ", parts);
        }
        if (argument instanceof Instant instant) {
            return instant.toString();
        }
        return argument.toString();
    }

    /** The stable reason code, e.g. {@code HANDOVER_WITH_OPEN_CRITICAL_WORK} (docs/embedding.md lists them). */
    public String code() {
        return refusal.code();
    }

    /** The reason, with its clause and argument names. */
    public Refusal refusal() {
        return refusal;
    }

    /** The clause of the procedure (SPEC section 1) that forbids the action. */
    public String clause() {
        return refusal.clause();
    }

    /** The message arguments as text, in the order {@link Refusal#arguments()} names them (null: nobody). */
    public List<String> arguments() {
        return Collections.unmodifiableList(arguments);
    }

    /** The message in the locale: Chinese for {@code zh}, English otherwise; without the clause prefix. */
    public String message(Locale locale) {
        return refusal.message(locale, arguments);
    }

    /** Ids of the records that block the action (e.g. open critical entries), possibly empty. */
    public List<String> blockingIds() {
        return blockingIds;
    }
}
