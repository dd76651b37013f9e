package plancheck.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import plancheck.domain.Action;
import plancheck.domain.Actor;
import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.domain.Review;
import plancheck.store.Store;

/**
 * Review of reported results by a 督办 officer: approve, or return with a reason (the result then stops counting
 * until it is reported again). Nobody reviews a result they reported themselves.
 */
public final class Reviews {

    /** A result waiting for review, with what a reviewer needs to judge it. */
    public record Waiting(Result result, String district, String title) {
    }

    private final Service service;
    private final Store store;

    public Reviews(Service service) {
        this.service = service;
        this.store = service.store();
    }

    public CompletableFuture<Service.Reported> approve(long resultId, Actor by) {
        return decide(resultId, Review.APPROVED, null, by);
    }

    public CompletableFuture<Service.Reported> returnResult(long resultId, String reason, Actor by) {
        if (reason == null || reason.isBlank()) {
            return CompletableFuture.failedFuture(new Rejected.Invalid(List.of(new FieldError("reason",
                    "required: say what the reporter must fix"))));
        }
        return decide(resultId, Review.RETURNED, reason.strip(), by);
    }

    private CompletableFuture<Service.Reported> decide(long resultId, Review decision, String reason, Actor by) {
        return service.onWriter(() -> {
            Rejected.NotFound missing = new Rejected.NotFound("result", "id", String.valueOf(resultId));
            Result r = store.result(resultId).orElseThrow(() -> missing);
            Commitment c;
            try {
                c = service.live(r.commitmentId(), by);
            } catch (Rejected.NotFound hidden) {
                throw missing;
            }
            service.access().require(by, Action.REVIEW, c.district(), "id");
            if (r.review() != Review.SUBMITTED) {
                throw new Rejected.Conflict("result " + resultId + " is already " + r.review().name().toLowerCase(
                        java.util.Locale.ROOT), List.of(new FieldError("id", "reviewed already: "
                        + r.review().name())));
            }
            if (by.login().equals(r.reportedBy())) {
                throw new Rejected.Forbidden(by.login() + " reported result " + resultId, List.of(new FieldError("id",
                        "a result is reviewed by someone other than its reporter")));
            }
            Result after = r.withReview(decision);
            Instant now = service.instant();
            AuditTrail audit = service.audit();
            Foresight.Steps steps = service.foresight().steps();
            service.foresight().arm(store.atomically(() -> {
                store.review(resultId, new Store.ReviewMark(decision, by.login(), now, reason));
                audit.append(audit.entry(by, Action.REVIEW, decision == Review.APPROVED ? "result.approve"
                        : "result.return", "result", String.valueOf(resultId), c.district(), r,
                        new Reviewed(after, reason)));
                return steps.reported(after, c).store();
            }));
            return service.engine().report(after).thenApply(e -> new Service.Reported(after, e));
        });
    }

    /** What the audit log keeps of a review: the result as it now stands and the reason given. */
    record Reviewed(Result result, String reason) {
    }

    /** Results waiting for review that the actor may review, oldest first. */
    public CompletableFuture<List<Waiting>> queue(Actor by, Service.Filter filter) {
        return service.offThread(() -> {
            Set<String> scopes = service.access().scopes(by, Action.REVIEW);
            Service.Filter within = scopes == null ? filter : service.access().restrict(by, filter);
            List<Waiting> out = new ArrayList<>();
            for (Commitment c : service.liveMatching(within)) {
                if (!service.access().may(by, Action.REVIEW, c.district())) {
                    continue;
                }
                for (Result r : service.engine().results(c.id())) {
                    if (r.review() == Review.SUBMITTED) {
                        out.add(new Waiting(r, c.district(), c.title()));
                    }
                }
            }
            out.sort(Comparator.comparing(w -> w.result().id()));
            return out;
        });
    }

    /** Who reviewed which result of a commitment, and why one was returned. */
    public CompletableFuture<Map<Long, Store.ReviewMark>> marks(String commitmentId) {
        return service.offThread(() -> store.reviewMarks(commitmentId));
    }
}
