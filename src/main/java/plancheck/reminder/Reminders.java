package plancheck.reminder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Policy;
import plancheck.ledger.Row;
import plancheck.service.Service.Judgement;
import plancheck.store.Json;

/**
 * Turns judged commitments into the 督办 feed: runs the reminder rules, keeps the commitments some rule asked to
 * chase, words each reason from {@code data/reminders.json}, most urgent first (then nearest deadline, then id).
 */
public final class Reminders {

    private static final String RESOURCE = "/data/reminders.json";
    private static final Comparator<Reminder> ORDER = Comparator.comparing(Reminder::level).reversed()
            .thenComparing(Reminder::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Reminder::commitmentId);

    /** The words file. */
    @JsonIgnoreProperties({"_about"})
    public record Words(Map<String, String> cadences, Map<String, String> reasons, List<String> sheetHeaders) {
    }

    private final ReminderRules rules;
    private final Function<Commitment, Policy> policy;
    private final Words words;

    /** @param policy the policy row that applies to a commitment (the status rules' policy sheet) */
    public Reminders(ReminderRules rules, Function<Commitment, Policy> policy) {
        this.rules = rules;
        this.policy = policy;
        this.words = load();
    }

    public int defaultWithin() {
        return rules.defaultWithin();
    }

    public Words words() {
        return words;
    }

    /** The commitments among {@code judged} that need chasing, most urgent first. */
    public List<Reminder> of(List<Judgement> judged, int within) {
        return rules.chase(judged, within, policy).stream().filter(c -> c.level() != null).map(this::reminder)
                .sorted(ORDER).toList();
    }

    private Reminder reminder(Chase chase) {
        Judgement j = chase.judgement();
        Commitment c = j.commitment();
        Evaluation e = j.evaluation();
        List<Reminder.Reason> reasons = chase.reasons().stream().map(r -> new Reminder.Reason(r.code(), r.level(),
                r.level().label(), r.rule(), sentence(r.code(), chase))).toList();
        return new Reminder(c.id(), c.title(), c.district(), c.category(), c.owner(), c.lead(),
                c.effectiveDeadline(), e.status(), e.status().label(), e.progress(), e.expectedProgress(), e.lag(),
                chase.level(), chase.level().label(), reasons,
                Row.latest(c, j.results(), e.asOf()).map(r -> Row.progress(c, r)).orElse(null));
    }

    private String sentence(String code, Chase c) {
        String template = words.reasons().getOrDefault(code, code);
        return template.replace("{daysSinceReport}", Long.toString(c.getDaysSinceReport()))
                .replace("{daysToDeadline}", Long.toString(c.getDaysToDeadline()))
                .replace("{lag}", Long.toString(Math.round(c.getLag())))
                .replace("{cadence}", words.cadences().getOrDefault(c.getCadence(), c.getCadence()))
                .replace("{unreviewedDays}", Long.toString(c.getUnreviewedDays()))
                .replace("{returnedDay}", c.returnedDay() == null ? "" : LocalDate.ofEpochDay(c.returnedDay())
                        .toString());
    }

    private static Words load() {
        try (InputStream in = Reminders.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return Json.MAPPER.readValue(in, Words.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
