package plancheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares the few distinct lists of rule names and warning codes among all commitments, so a million evaluations
 * hold references, not copies.
 */
final class Names {

    /** Lists are interned, so a step compares its list by identity. */
    private static final class Step {
        final List<String> from;
        final String name;
        private final int hash;

        Step(List<String> from, String name) {
            this.from = from;
            this.name = name;
            this.hash = System.identityHashCode(from) * 31 + name.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Step s && s.from == from && s.name.equals(name);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final ConcurrentHashMap<Step, List<String>> steps = new ConcurrentHashMap<>();

    /** {@code list} with {@code name} appended (unchanged when already there), as a shared immutable list. */
    List<String> with(List<String> list, String name) {
        return steps.computeIfAbsent(new Step(list, name), s -> {
            if (s.from.contains(s.name)) {
                return s.from;
            }
            List<String> next = new ArrayList<>(s.from.size() + 1);
            next.addAll(s.from);
            next.add(s.name);
            return List.copyOf(next);
        });
    }
}
