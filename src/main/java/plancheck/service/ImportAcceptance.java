package plancheck.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import plancheck.domain.Action;
import plancheck.domain.Actor;
import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.ingest.CommitmentCandidate;
import plancheck.ingest.ImportReport;
import plancheck.ingest.ResultCandidate;
import plancheck.ingest.ResultLinker;
import plancheck.ingest.RevisionCandidate;
import plancheck.service.Imports.Accepted;
import plancheck.service.Imports.Answer;
import plancheck.service.Imports.Outcome;
import plancheck.service.Imports.Pick;
import plancheck.store.Store;

/**
 * One acceptance of candidates of an import, decided on the writer thread so that it sees every earlier write:
 * which candidates are stored, which were accepted before, which repeat a stored commitment, which results no
 * commitment measures, and every field error (then nothing is stored).
 */
final class ImportAcceptance {

    private final Service service;
    private final Store store;
    private final String importId;
    private final Actor by;
    private final ImportReport report;
    private final Map<String, Store.ImportMark> marks;
    private final List<FieldError> errors = new ArrayList<>();
    /** The commitment each commitment candidate of this call came to: stored now, before, or its duplicate. */
    private final Map<String, String> commitmentOf = new HashMap<>();
    private final List<Commitment> fresh = new ArrayList<>();
    private final List<String> freshCandidates = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();
    private final List<String> resultCandidates = new ArrayList<>();
    private final List<Service.Revision> revisions = new ArrayList<>();
    /** Commitments this call revises, as they will read: results accepted with them are checked against these. */
    private final Map<String, Commitment> revised = new HashMap<>();

    ImportAcceptance(Imports imports, String importId, Actor by) {
        this.service = imports.service;
        this.store = imports.store;
        this.importId = importId;
        this.by = by;
        this.report = Imports.read(imports.stored(importId, false).candidates());
        this.marks = imports.marks(importId);
    }

    Service.ImportWrite<Accepted> decide(List<Pick<Commitment>> cs, List<Pick<Result>> rs, List<String> vs,
            String reason) {
        if (cs.isEmpty() && rs.isEmpty() && vs.isEmpty()) {
            errors.add(new FieldError("", "name at least one candidate in commitments, results or revisions"));
        }
        if (reason != null && reason.isBlank()) {
            errors.add(new FieldError("reason", "must not be blank: say why, or leave it out for the default"));
        }
        List<Answer> cAnswers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cs.size(); i++) {
            commitment(cs.get(i), "commitments[" + i + "]", seen).ifPresent(cAnswers::add);
        }
        List<Answer> vAnswers = new ArrayList<>();
        String why = reason != null ? reason : "台账导入 " + importId;
        for (int i = 0; i < vs.size(); i++) {
            revision(vs.get(i), "revisions[" + i + "]", seen, why).ifPresent(vAnswers::add);
        }
        List<Answer> rAnswers = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            result(rs.get(i), "results[" + i + "]", seen).ifPresent(rAnswers::add);
        }
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
        Store.ImportAcceptance a = new Store.ImportAcceptance(importId, fresh, freshCandidates, results,
                resultCandidates);
        return new Service.ImportWrite<>(a, revisions, stored -> answer(cAnswers, rAnswers, vAnswers, stored));
    }

    /**
     * A proposed revision of a stored commitment, checked as {@code PUT /api/commitments/{id}} checks one; refused
     * when the commitment changed since the import compared it (the row would undo that change).
     */
    private Optional<Answer> revision(String id, String field, Set<String> seen, String reason) {
        RevisionCandidate cand = candidate(id, field, seen, report.revisions(), "v");
        if (cand == null) {
            return Optional.empty();
        }
        Store.ImportMark mark = marks.get(id);
        if (mark != null) {
            return Optional.of(new Answer(id, Outcome.ACCEPTED_BEFORE, mark.commitmentId(), null,
                    "accepted on " + mark.at() + " by " + mark.by()));
        }
        Commitment current = service.live(cand.commitmentId(), by);
        if (current.revision() != cand.revision()) {
            errors.add(new FieldError(field, cand.commitmentId() + " is at revision " + current.revision()
                    + " since the import compared revision " + cand.revision() + ": import the 台账 again"));
            return Optional.empty();
        }
        List<FieldError> broken = service.revisionErrors(current, cand.commitment(), reason, null, by, field + ".");
        errors.addAll(broken);
        if (!broken.isEmpty()) {
            return Optional.empty();
        }
        Commitment next = cand.commitment().withId(current.id()).withRevision(current.revision() + 1);
        revisions.add(new Service.Revision(id, current, next, reason));
        revised.put(current.id(), next);
        return Optional.of(new Answer(id, Outcome.REVISED, current.id(), null, null));
    }

    private Optional<Answer> commitment(Pick<Commitment> pick, String field, Set<String> seen) {
        CommitmentCandidate cand = candidate(pick.candidate(), field, seen, report.commitments(), "c");
        if (cand == null) {
            return Optional.empty();
        }
        Store.ImportMark mark = marks.get(pick.candidate());
        if (mark != null) {
            commitmentOf.put(pick.candidate(), mark.commitmentId());
            return Optional.of(new Answer(pick.candidate(), Outcome.ACCEPTED_BEFORE, mark.commitmentId(), null,
                    "accepted on " + mark.at() + " by " + mark.by()));
        }
        Commitment proposed = cand.commitment();
        Commitment c = pick.edited() == null ? proposed : pick.edited().withId(proposed.id());
        c = new Commitment(c.id(), c.district(), c.districtName(), c.year(), c.category(), c.title(), c.kind(),
                c.metric(), c.unit(), c.target(), c.targetMax(), c.baseline(), c.prior(), c.stage(),
                c.plannedStages(), c.start(), c.deadline(), c.firmness(), c.owner(), c.lead(), proposed.source(),
                c.assumed(), 1, c.cadence());
        List<FieldError> broken = Validation.commitment(c, field + ".");
        errors.addAll(broken);
        if (!broken.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duplicates.Match> dup = Duplicates.of(c, pool(c.district(), c.year()), cand.project());
        if (dup.isPresent()) {
            commitmentOf.put(pick.candidate(), dup.get().stored().id());
            return Optional.of(new Answer(pick.candidate(), Outcome.DUPLICATE, dup.get().stored().id(), null,
                    dup.get().reason() + " as the stored commitment"));
        }
        c = c.withId(freeId(c.id()));
        fresh.add(c);
        freshCandidates.add(pick.candidate());
        commitmentOf.put(pick.candidate(), c.id());
        return Optional.of(new Answer(pick.candidate(), Outcome.STORED, c.id(), null, null));
    }

    private Optional<Answer> result(Pick<Result> pick, String field, Set<String> seen) {
        ResultCandidate cand = candidate(pick.candidate(), field, seen, report.results(), "r");
        if (cand == null) {
            return Optional.empty();
        }
        Store.ImportMark mark = marks.get(pick.candidate());
        if (mark != null) {
            return Optional.of(new Answer(pick.candidate(), Outcome.ACCEPTED_BEFORE, mark.commitmentId(),
                    mark.resultId(), "accepted on " + mark.at() + " by " + mark.by()));
        }
        String target;
        if (pick.link() != null) {
            target = explicitLink(pick.link(), field + ".commitmentId");
            if (target == null) {
                return Optional.empty();
            }
        } else {
            ResultCandidate linked = ResultLinker.link(List.of(cand), this::pool).get(0);
            target = linked.result().commitmentId();
            if (target == null) {
                return Optional.of(new Answer(pick.candidate(), Outcome.NOT_LINKED, null, null,
                        Imports.unlinked(linked)));
            }
        }
        Commitment k = fresh.stream().filter(f -> f.id().equals(target)).findFirst()
                .orElseGet(() -> revised.containsKey(target) ? revised.get(target)
                        : service.commitment(target).orElse(null));
        if (k == null) {
            // a candidate accepted before whose commitment was retired since
            errors.add(new FieldError(field + ".commitmentId", "commitment " + target + " is retired"));
            return Optional.empty();
        }
        Result r = pick.edited() == null ? cand.result() : pick.edited();
        Result linked = new Result(null, target, r.value(), r.stage(), r.done(), r.asOf(),
                r.reportedBy() != null ? r.reportedBy() : by.login(), cand.result().evidence(), r.note(),
                r.sample());
        List<FieldError> broken = new ArrayList<>(Validation.result(linked, k, service.resultDay(), field + "."));
        if (linked.asOf() != null && linked.asOf().isBefore(k.effectiveStart())) {
            broken.add(new FieldError(field + ".asOf", linked.asOf() + " is before the start of " + target + " ("
                    + k.effectiveStart() + "): a figure of an earlier period is its prior, not a result"));
        }
        errors.addAll(broken);
        if (!broken.isEmpty()) {
            return Optional.empty();
        }
        results.add(linked);
        resultCandidates.add(pick.candidate());
        return Optional.of(new Answer(pick.candidate(), Outcome.STORED, target, null, null));
    }

    /**
     * The importer's id, or with a number after it when taken: by the same clause accepted from an earlier
     * import with other values (so no duplicate), or by a retired commitment.
     */
    private String freeId(String base) {
        String id = base;
        for (int n = 2; store.commitment(id).isPresent() || taken(id); n++) {
            id = base + "-v" + n;
        }
        return id;
    }

    private boolean taken(String id) {
        return fresh.stream().anyMatch(f -> f.id().equals(id));
    }

    /** A stored commitment's id, or a commitment candidate of this import accepted now or before. */
    private String explicitLink(String link, String field) {
        if (Imports.indexOf(link, "c", report.commitments().size()) >= 0) {
            String id = commitmentOf.containsKey(link) ? commitmentOf.get(link)
                    : marks.containsKey(link) ? marks.get(link).commitmentId() : null;
            if (id == null) {
                errors.add(new FieldError(field, "candidate " + link + " is not accepted: accept it in the same"
                        + " call (commitments) or before"));
            }
            return id;
        }
        // a commitment the importer may not plan in is answered as unknown: its existence must not leak
        if (fresh.stream().anyMatch(f -> f.id().equals(link)) || service.commitment(link)
                .filter(c -> service.access().may(by, Action.PLAN, c.district())).isPresent()) {
            return link;
        }
        errors.add(new FieldError(field, "no stored commitment " + link + ", and no commitment candidate of this"
                + " import by that id"));
        return null;
    }

    /** Stored commitments of one district and year, and those this call accepts. */
    private List<Commitment> pool(String district, int year) {
        if (district == null || !service.access().may(by, Action.PLAN, district)) {
            return List.of();
        }
        return Stream.concat(service.liveOf(district, year).stream(),
                fresh.stream().filter(f -> district.equals(f.district()) && f.year() == year)).toList();
    }

    private <T> T candidate(String id, String field, Set<String> seen, List<T> all, String prefix) {
        int i = Imports.indexOf(id, prefix, all.size());
        if (i < 0) {
            errors.add(new FieldError(field, "unknown candidate " + id + "; this import has "
                    + (all.isEmpty() ? "none" : prefix + "1.." + prefix + all.size())));
            return null;
        }
        if (!seen.add(id)) {
            errors.add(new FieldError(field, "candidate " + id + " is named twice"));
            return null;
        }
        return all.get(i);
    }

    private Accepted answer(List<Answer> cs, List<Answer> rs, List<Answer> vs, List<Result> stored) {
        List<Answer> withIds = new ArrayList<>(rs.size());
        int next = 0;
        for (Answer a : rs) {
            withIds.add(a.outcome() == Outcome.STORED ? new Answer(a.candidate(), a.outcome(), a.commitmentId(),
                    stored.get(next++).id(), null) : a);
        }
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        Stream.of(cs, withIds, vs).flatMap(List::stream).forEach(a -> counts.merge(a.outcome(), 1, Integer::sum));
        return new Accepted(importId, counts, cs, withIds, vs);
    }
}
