package plancheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares the few distinct lists of rule names and warning codes among all commitments, so a million evaluations
 * hold references, not copies.
 */
final class Names {

    private record Step(List<String> from, String name) {
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
