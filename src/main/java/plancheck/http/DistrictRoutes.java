package plancheck.http;

import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import plancheck.domain.District;
import plancheck.service.Service;
import plancheck.service.FieldError;

/**
 * The district registry: everyone signed in reads it, admins add and change districts (an empty store starts
 * with data/districts.json).
 */
final class DistrictRoutes implements Routes {

    private final Service service;
    private final io.vertx.ext.web.handler.BodyHandler bodies;

    DistrictRoutes(Service service, io.vertx.ext.web.handler.BodyHandler bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    /** What PUT changes: the id comes from the path. */
    record DistrictChange(String name, District.Level level, String parent) {
    }

    /** A district with its direct children's ids. */
    record DistrictView(String id, String name, District.Level level, String parent, List<String> children) {
    }

    @Override
    public void mount(Router router) {
        router.get("/api/districts").handler(ctx -> {
            new Query(ctx).done();
            send(ctx, service.districts().all().stream().map(this::view).toList());
        });
        router.get("/api/districts/:id").handler(this::one);
        router.post("/api/districts").handler(bodies).handler(ctx -> {
            new Query(ctx).done();
            District d = JsonBodies.read(ctx, District.class);
            AccountRoutes.reply(ctx, 201, service.createDistrict(d, Guard.actor(ctx)).thenApply(this::view));
        });
        router.put("/api/districts/:id").handler(bodies).handler(ctx -> {
            new Query(ctx).done();
            DistrictChange in = JsonBodies.read(ctx, DistrictChange.class);
            District d = new District(ctx.pathParam("id"), in.name(), in.level(), in.parent());
            AccountRoutes.reply(ctx, 200, service.updateDistrict(d, Guard.actor(ctx)).thenApply(this::view));
        });
    }

    private void one(RoutingContext ctx) {
        new Query(ctx).done();
        String id = ctx.pathParam("id");
        District d = service.districts().get(id).orElseThrow(() -> new Problem.Raised(Problem.of("not-found",
                "No such district", 404, "no district " + id, List.of(new FieldError("id", "unknown: " + id)))));
        send(ctx, view(d));
    }

    private DistrictView view(District d) {
        return new DistrictView(d.id(), d.name(), d.level(), d.parent(),
                service.districts().children(d.id()).stream().map(District::id).toList());
    }

    private static void send(RoutingContext ctx, Object body) {
        ctx.response().putHeader("content-type", "application/json; charset=utf-8")
                .end(Buffer.buffer(JsonBodies.bytes(body)));
    }
}
