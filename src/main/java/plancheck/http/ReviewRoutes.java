package plancheck.http;

import java.util.List;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import plancheck.service.FieldError;
import plancheck.service.Reviews;
import plancheck.service.Service;

/** A reviewer's work: the queue of submitted results in scope, approving and returning them. */
final class ReviewRoutes implements Routes {

    private final Reviews reviews;
    private final BodyHandler bodies;

    ReviewRoutes(Service service, BodyHandler bodies) {
        this.reviews = new Reviews(service);
        this.bodies = bodies;
    }

    record ReturnInput(String reason) {
    }

    @Override
    public void mount(Router router) {
        router.post("/api/results/:id/approve").handler(bodies).handler(ctx -> {
            new Query(ctx).done();
            if (ctx.body().length() > 0) {
                throw Problem.badRequest("unexpected-body", "Approving takes no body", "approve takes no body: send"
                        + " none", List.of(new FieldError("", "no body expected")));
            }
            Api.reply(ctx, 200, reviews.approve(resultId(ctx), Guard.actor(ctx))
                    .thenApply(r -> reviewed(ctx, r)));
        });
        router.post("/api/results/:id/return").handler(bodies).handler(ctx -> {
            new Query(ctx).done();
            long id = resultId(ctx);
            ReturnInput in = JsonBodies.read(ctx, ReturnInput.class);
            Api.reply(ctx, 200, reviews.returnResult(id, in.reason(), Guard.actor(ctx))
                    .thenApply(r -> reviewed(ctx, r)));
        });
        router.get("/api/reviews").handler(ctx -> {
            Query q = new Query(ctx);
            Service.Filter filter = q.filter(false);
            q.done();
            Api.reply(ctx, 200, reviews.queue(Guard.actor(ctx), filter));
        });
    }

    /** The answer of a review; the live event names the result's commitment. */
    private static Views.Reported reviewed(RoutingContext ctx, plancheck.service.Service.Reported r) {
        ctx.put(EventRoutes.SUBJECT, r.result().commitmentId());
        return Views.Reported.of(r);
    }

    private static long resultId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw new Problem.Raised(Problem.of("not-found", "No such result", 404, "no result " + id,
                    List.of(new FieldError("id", "not a result id: " + id))));
        }
        return Long.parseLong(id);
    }
}
