package plancheck.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;

import plancheck.domain.Action;
import plancheck.domain.Actor;
import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.domain.Source;
import plancheck.ingest.CommitmentCandidate;
import plancheck.ingest.ImportReport;
import plancheck.ingest.ReportImporter;
import plancheck.ingest.ResultCandidate;
import plancheck.ingest.ResultLinker;
import plancheck.ingest.RevisionCandidate;
import plancheck.ingest.Skipped;
import plancheck.ingest.Span;
import plancheck.store.Json;
import plancheck.store.Store;

/**
 * The review of a report import: the text and its candidates are kept as a draft; accepting candidates stores
 * commitments (with their source: document, section, quote and span into the kept text) and the results linked to
 * them, all in one transaction. A candidate that repeats a stored commitment is answered with that one's id and not
 * stored again (there is no forcing it: create a commitment the check mistakes for a duplicate with
 * {@code POST /api/commitments}). Accepting a candidate again answers with what the first acceptance stored.
 */
public final class Imports {

    /** What accepting one candidate came to. */
    public enum Outcome {
        /** stored by this call */
        STORED,
        /** stored by an earlier acceptance of the same candidate; nothing stored again */
        ACCEPTED_BEFORE,
        /** the commitment is stored already (see the reason); not stored again */
        DUPLICATE,
        /** a result that no stored or accepted commitment measures (see the reason); not stored */
        NOT_LINKED,
        /** a stored commitment revised by this call (a 台账 row that changed it) */
        REVISED
    }

    /** A proposed commitment: {@code duplicateOf} a stored one, or {@code accepted} as the stored one named. */
    public record CommitmentProposal(String id, Commitment commitment, String project, double confidence, Span span,
            String quote, List<String> notes, String duplicateOf, String accepted) {
    }

    /**
     * A proposed result; its {@code result.commitmentId} is the commitment it is linked to, else {@code unlinked}
     * says why there is none. {@code accepted}: the id of the stored result.
     */
    public record ResultProposal(String id, Result result, String district, int year, String metric, String unit,
            String project, double confidence, Span span, String quote, List<String> notes, String unlinked,
            Long accepted) {
    }

    /** A kept import with its candidates as they stand now (duplicates and links against what is stored). */
    public record Draft(String id, String document, String district, String createdBy, Instant createdAt,
            int textLength, Integer planYear, Integer summaryYear, String planSection, String summarySection,
            List<CommitmentProposal> commitments, List<ResultProposal> results, List<Skipped> skipped,
            List<RevisionProposal> revisions) {
    }

    /**
     * A candidate to accept: as proposed ({@code edited} null) or as edited. {@code link} (results only) names the
     * commitment a result measures: a stored id, or the candidate id of a commitment of the same import.
     */
    public record Pick<T>(String candidate, T edited, String link) {
        public static <T> Pick<T> of(String candidate) {
            return new Pick<>(candidate, null, null);
        }
    }

    /** The answer for one candidate. */
    public record Answer(String candidate, Outcome outcome, String commitmentId, Long resultId, String reason) {
    }

    public record Accepted(String importId, Map<Outcome, Integer> counts, List<Answer> commitments,
            List<Answer> results, List<Answer> revisions) {
    }

    /**
     * A proposed change to a stored commitment ({@code v1}…): the revision it was compared with, each field as
     * stored and as proposed, the commitment as it would read; {@code accepted} the commitment once revised.
     */
    public record RevisionProposal(String id, String commitmentId, int revision, List<RevisionCandidate.Change> changes,
            Commitment commitment, String sheet, int row, String accepted) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Imports.class);
    private static final Pattern SEED = Pattern.compile("[0-9A-Za-z_-]{1,100}");
    private static final String SEEDS = "data/seeds/";

    final Service service;
    final Store store;
    private final ReportImporter importer;

    public Imports(Service service, ReportImporter importer) {
        this.service = service;
        this.store = service.store();
        this.importer = importer;
    }

    /** Reads the text, keeps it and its candidates as a draft; {@code by} is recorded as who imported it. */
    public CompletableFuture<Draft> create(String text, String district, String document, Actor by) {
        return service.offThread(() -> {
            String id = "imp-" + UUID.randomUUID();
            ImportReport report = withSources(importer.importText(text, district, document), id);
            String resolved = district != null ? district : Stream.concat(
                    report.commitments().stream().map(c -> c.commitment().district()),
                    report.results().stream().map(ResultCandidate::district))
                    .filter(d -> d != null).findFirst().orElse(null);
            if (resolved == null ? !by.mayAnywhere(Action.PLAN) : !service.access().may(by, Action.PLAN, resolved)) {
                service.access().require(by, Action.PLAN, resolved, "district");
            }
            Store.ImportDraft d = new Store.ImportDraft(id, document, resolved, by.login(),
                    service.instant(), text, text.length(), write(report));
            service.onWriter(() -> {
                store.atomically(() -> {
                    store.insertImport(d);
                    service.audit().append(service.audit().entry(by, Action.PLAN, "import.create", "import", id,
                            resolved, null, new ImportSummary(document, resolved, text.length(),
                                    report.commitments().size(), report.results().size())));
                    return null;
                });
                return CompletableFuture.completedFuture(null);
            }).join();
            return view(d, report, Map.of());
        });
    }

    /**
     * Keeps a draft whose candidates were read elsewhere (the 台账 import reads each row's task with
     * {@link #importer()}); {@code text} is what their spans point into. Accepted like any other draft; only an
     * actor who may plan in {@code district} may keep one.
     */
    public CompletableFuture<Draft> create(String text, ImportReport read, String district, String document,
            Actor by) {
        return service.offThread(() -> {
            service.access().require(by, Action.PLAN, district, "district");
            String id = "imp-" + UUID.randomUUID();
            ImportReport report = withSources(read, id);
            Store.ImportDraft d = new Store.ImportDraft(id, document, district, by.login(), service.instant(), text,
                    text.length(), write(report));
            service.onWriter(() -> {
                long t0 = System.nanoTime();
                store.atomically(() -> {
                    store.insertImport(d);
                    service.audit().append(service.audit().entry(by, Action.PLAN, "import.create", "import", id,
                            district, null, new ImportSummary(document, district, text.length(),
                                    report.commitments().size(), report.results().size())));
                    return null;
                });
                // the one write of an import: its time is how long other writers wait for it
                LOG.info("import {}: {} candidates ({} characters) kept in {} ms", id, report.commitments().size()
                        + report.results().size() + report.revisions().size(), d.candidates().length(),
                        (System.nanoTime() - t0) / 1_000_000);
                return CompletableFuture.completedFuture(null);
            }).join();
            return view(d, report, Map.of());
        });
    }

    /** The reader of report text, which the 台账 import uses for each task. */
    public ReportImporter importer() {
        return importer;
    }

    /** What the audit log keeps of a new import (the text itself stays in the draft). */
    record ImportSummary(String document, String district, int textLength, int commitments, int results) {
    }

    /** The draft as it stands, for an actor who may read its district. */
    public CompletableFuture<Draft> draft(String id, Actor by) {
        return service.offThread(() -> {
            Store.ImportDraft d = visible(stored(id, false), by);
            return view(d, read(d.candidates()), marks(id));
        });
    }

    /** The text as it was sent, which every span points into. */
    public CompletableFuture<String> text(String id, Actor by) {
        return service.offThread(() -> visible(stored(id, true), by).text());
    }

    /** A draft filed under no district is seen by the one who imported it, and admins. */
    private Store.ImportDraft visible(Store.ImportDraft d, Actor by) {
        boolean may = d.district() == null ? by.login().equals(d.createdBy()) || by.mayAnywhere(Action.ADMINISTER)
                : service.access().may(by, Action.READ, d.district());
        if (!may) {
            throw new Rejected.NotFound("import", "id", d.id());
        }
        return d;
    }

    /** The text of a seed report shipped with the data set ({@code 003_af213d65b87cb190}, or its file name). */
    public CompletableFuture<String> document(String name) {
        return service.offThread(() -> {
            String base = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
            if (!SEED.matcher(base).matches()) {
                throw new Rejected.NotFound("document", "document", name);
            }
            try (InputStream in = Imports.class.getClassLoader().getResourceAsStream(SEEDS + base + ".txt")) {
                if (in == null) {
                    throw new Rejected.NotFound("document", "document", name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Accepts candidates in one transaction, all or none: unknown or repeated candidates, edits that break the
     * domain rules and results naming a commitment that is neither stored nor accepted are refused with field
     * errors ({@code commitments[1].target}) and nothing is stored. Results that no commitment measures come back
     * {@link Outcome#NOT_LINKED} with the reason; they can be accepted once their commitment is stored.
     */
    public CompletableFuture<Accepted> accept(String importId, List<Pick<Commitment>> commitments,
            List<Pick<Result>> results, Actor by) {
        return accept(importId, commitments, results, List.of(), null, by);
    }

    /**
     * As {@link #accept(String, List, List, Actor)}, also revising stored commitments as the revision candidates
     * named propose ({@code v1}…), each with {@code reason} (null: one naming the import), in the same transaction.
     */
    public CompletableFuture<Accepted> accept(String importId, List<Pick<Commitment>> commitments,
            List<Pick<Result>> results, List<String> revisions, String reason, Actor by) {
        return service.writeImport(() -> new ImportAcceptance(this, importId, by).decide(commitments, results,
                revisions, reason), by);
    }

    // ---- inside ----

    /** The draft as it stands: duplicates and links computed against the live commitments. */
    private Draft view(Store.ImportDraft d, ImportReport report, Map<String, Store.ImportMark> marks) {
        List<CommitmentProposal> cs = new ArrayList<>();
        for (int i = 0; i < report.commitments().size(); i++) {
            CommitmentCandidate c = report.commitments().get(i);
            String id = "c" + (i + 1);
            Store.ImportMark mark = marks.get(id);
            String dup = mark != null || c.commitment().district() == null ? null
                    : Duplicates.of(c.commitment(), service.liveOf(c.commitment().district(), c.commitment().year()),
                            c.project()).map(m -> m.stored().id()).orElse(null);
            cs.add(new CommitmentProposal(id, c.commitment(), c.project(), c.confidence(), c.span(), c.quote(),
                    c.notes(), dup, mark == null ? null : mark.commitmentId()));
        }
        List<ResultCandidate> linked = ResultLinker.link(report.results(),
                (district, year) -> district == null ? List.of() : service.liveOf(district, year));
        List<ResultProposal> rs = new ArrayList<>();
        for (int i = 0; i < linked.size(); i++) {
            ResultCandidate r = linked.get(i);
            String id = "r" + (i + 1);
            Store.ImportMark mark = marks.get(id);
            Result result = mark == null ? r.result() : new Result(mark.resultId(), mark.commitmentId(),
                    r.result().value(), r.result().stage(), r.result().done(), r.result().asOf(), null,
                    r.result().evidence(), r.result().note(), r.result().sample());
            String unlinked = result.commitmentId() == null ? unlinked(r) : null;
            rs.add(new ResultProposal(id, result, r.district(), r.year(), r.metric(), r.unit(), r.project(),
                    r.confidence(), r.span(), r.quote(), r.notes(), unlinked, mark == null ? null : mark.resultId()));
        }
        List<RevisionProposal> vs = new ArrayList<>();
        for (int i = 0; i < report.revisions().size(); i++) {
            RevisionCandidate v = report.revisions().get(i);
            Store.ImportMark mark = marks.get("v" + (i + 1));
            vs.add(new RevisionProposal("v" + (i + 1), v.commitmentId(), v.revision(), v.changes(), v.commitment(),
                    v.sheet(), v.row(), mark == null ? null : mark.commitmentId()));
        }
        return new Draft(d.id(), d.document(), d.district(), d.createdBy(), d.createdAt(), d.textLength(),
                report.planYear(), report.summaryYear(), report.planSection(), report.summarySection(), cs, rs,
                report.skipped(), vs);
    }

    /** Why a result has no commitment: the linker's note when several match, else that none does. */
    static String unlinked(ResultCandidate r) {
        if (r.district() == null || r.metric() == null) {
            return "the result names no " + (r.district() == null ? "district" : "metric") + ": give commitmentId";
        }
        return r.notes().stream().filter(n -> n.startsWith("several commitments")).findFirst()
                .orElse("no stored commitment of " + r.district() + " " + r.year() + " measures " + r.metric()
                        + (r.project() == null ? "" : " for " + r.project()) + ": the " + r.year()
                        + " plan is not stored (accept its commitment in the same call, or give commitmentId)");
    }

    /** Every commitment gets its source's span and this import's id, so it can be shown in the kept text. */
    private static ImportReport withSources(ImportReport r, String importId) {
        List<CommitmentCandidate> cs = r.commitments().stream().map(c -> {
            Commitment k = c.commitment();
            Source s = k.source() == null ? new Source(null, null, c.quote()) : k.source();
            Source sourced = s.withImport(new Source.Span(c.span().start(), c.span().end()), importId);
            Commitment withSource = new Commitment(k.id(), k.district(), k.districtName(), k.year(), k.category(),
                    k.title(), k.kind(), k.metric(), k.unit(), k.target(), k.targetMax(), k.baseline(), k.prior(),
                    k.stage(), k.plannedStages(), k.start(), k.deadline(), k.firmness(), k.owner(), k.lead(), sourced,
                    k.assumed(), k.revision(), k.cadence());
            return new CommitmentCandidate(withSource, c.project(), c.confidence(), c.span(), c.quote(), c.notes());
        }).toList();
        return new ImportReport(r.planYear(), r.summaryYear(), r.planSection(), r.summarySection(), cs, r.results(),
                r.skipped(), r.revisions());
    }

    Store.ImportDraft stored(String id, boolean withText) {
        return store.importDraft(id, withText).orElseThrow(() -> new Rejected.NotFound("import", "id", id));
    }

    Map<String, Store.ImportMark> marks(String id) {
        Map<String, Store.ImportMark> out = new HashMap<>();
        store.importMarks(id).forEach(m -> out.put(m.candidate(), m));
        return out;
    }

    /** The index of candidate id {@code c3} among {@code size} candidates, else -1. */
    static int indexOf(String id, String prefix, int size) {
        if (id == null || !id.matches(prefix + "[1-9][0-9]{0,5}")) {
            return -1;
        }
        int i = Integer.parseInt(id.substring(1)) - 1;
        return i < size ? i : -1;
    }

    private static String write(ImportReport report) {
        try {
            return Json.MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ImportReport read(String json) {
        try {
            return Json.MAPPER.readValue(json, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import does not read back: " + e.getMessage(), e);
        }
    }
}
