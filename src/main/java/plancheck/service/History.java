package plancheck.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.engine.Engine;
import plancheck.store.Store;

/**
 * What evaluations at past dates need beyond the live state: the revisions of the commitments revised at least
 * once, and the retired commitments with their results. Both are few, so they are held in memory. Changed only on
 * the service's writer thread, after the commit.
 */
final class History {

    /** A retired commitment: counted at dates before {@code on}. */
    record Retired(List<Store.Revision> revisions, LocalDate on, List<Result> results) {
    }

    private final Map<String, List<Store.Revision>> revised = new ConcurrentHashMap<>();
    private final Map<String, Retired> retired = new ConcurrentHashMap<>();
    private final ZoneId zone;

    private History(ZoneId zone) {
        this.zone = zone;
    }

    static History load(Store store, ZoneId zone) {
        History h = new History(zone);
        Map<String, List<Store.Revision>> histories = store.histories();
        for (Store.Stored s : store.retiredCommitments()) {
            String id = s.commitment().id();
            h.retired.put(id, new Retired(histories.remove(id), h.day(s.retired().at()), store.results(id)));
        }
        h.revised.putAll(histories);
        return h;
    }

    /** After a revision is committed: every revision of the commitment, oldest first. */
    void revised(String id, List<Store.Revision> revisions) {
        revised.put(id, List.copyOf(revisions));
    }

    /** After a retirement is committed. */
    void retired(String id, List<Store.Revision> revisions, java.time.Instant at, List<Result> results) {
        revised.remove(id);
        retired.put(id, new Retired(List.copyOf(revisions), day(at), List.copyOf(results)));
    }

    /** The revision of a live commitment in force on {@code day}. */
    Commitment inForce(Commitment current, LocalDate day) {
        List<Store.Revision> revisions = revised.get(current.id());
        return revisions == null ? current : inForce(revisions, day);
    }

    /** The revision of a retired commitment in force on {@code day}; empty when it was retired by then. */
    Optional<Commitment> retiredInForce(String id, LocalDate day) {
        Retired r = retired.get(id);
        return r == null || !day.isBefore(r.on()) ? Optional.empty() : Optional.of(inForce(r.revisions(), day));
    }

    /** A retired commitment as it stood on {@code day}, with its results; empty when it was retired by then. */
    Optional<Engine.Subject> retiredSubject(String id, LocalDate day) {
        Retired r = retired.get(id);
        return retiredInForce(id, day).map(c -> new Engine.Subject(c, r.results()));
    }

    /** The retired commitments still counted on {@code day}, as they stood then, with their results. */
    List<Engine.Subject> retiredAfter(LocalDate day) {
        List<Engine.Subject> out = new ArrayList<>();
        retired.forEach((id, r) -> {
            if (day.isBefore(r.on())) {
                out.add(new Engine.Subject(inForce(r.revisions(), day), r.results()));
            }
        });
        return out;
    }

    /** The highest revision that applies on {@code day}; revision 1 applies from the start. */
    private static Commitment inForce(List<Store.Revision> revisions, LocalDate day) {
        Store.Revision best = revisions.get(0);
        for (Store.Revision r : revisions) {
            if (r.appliesOn(day) && r.revision() > best.revision()) {
                best = r;
            }
        }
        return best.commitment();
    }

    private LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
