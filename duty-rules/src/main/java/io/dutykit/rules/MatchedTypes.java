package io.dutykit.rules;

import io.dutykit.rules.fact.Finding;
import java.util.ArrayList;
import java.util.List;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * The fact classes some rule of a KieBase can match. A fact no pattern can match (no rule of the
 * rule set names its class, or a class it extends) changes no rule's outcome, yet inserting it
 * costs a fact handle and a propagation; {@link Facts} leaves such facts out. Read from the
 * compiled network: a class is matched when an object-type node for it, or for a supertype, leads
 * to at least one node (the engine also creates empty object-type nodes for classes it has seen
 * inserted, which match nothing).
 */
final class MatchedTypes {
    private final List<ObjectType> matched;
    private final ClassValue<Boolean> cache = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return matched.stream().anyMatch(o -> o.isAssignableFrom(type));
        }
    };

    private MatchedTypes(List<ObjectType> matched) {
        this.matched = matched;
    }

    static MatchedTypes of(KieBase kieBase) {
        List<ObjectType> types = new ArrayList<>();
        for (ObjectTypeNode node : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
            if (node.getObjectSinkPropagator().size() > 0) {
                types.add(node.getObjectType());
            }
        }
        return new MatchedTypes(List.copyOf(types));
    }

    /**
     * The fact classes that the rules with the id ({@code @id}, else the rule's name) can match: the
     * object-type nodes the compiled network associates with one of those rules. A live decision that
     * asks one rule inserts only these facts.
     */
    static MatchedTypes ofRule(KieBase kieBase, String ruleId) {
        List<ObjectType> types = new ArrayList<>();
        for (ObjectTypeNode node : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
            for (Rule rule : node.getAssociatedRules()) {
                if (Finding.idOf(rule).equals(ruleId)) {
                    types.add(node.getObjectType());
                    break;
                }
            }
        }
        return new MatchedTypes(List.copyOf(types));
    }

    /** True when some rule can match a fact of this class. */
    boolean matches(Class<?> type) {
        return cache.get(type);
    }
}
