package plancheck.http;

import java.util.List;

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
            Api.send(ctx, 200, service.districts().all().stream().map(this::view).toList());
        });
        router.get("/api/districts/:id").handler(this::one);
        router.post("/api/districts").handler(bodies).handler(ctx -> {
            new Query(ctx).done();
            District d = JsonBodies.read(ctx, District.class);
            Api.reply(ctx, 201, service.createDistrict(d, Guard.actor(ctx)).thenApply(this::view));
        });
        router.put("/api/districts/:id").handler(bodies).handler(ctx -> {
            new Query(ctx).done();
            DistrictChange in = JsonBodies.read(ctx, DistrictChange.class);
            District d = new District(ctx.pathParam("id"), in.name(), in.level(), in.parent());
            Api.reply(ctx, 200, service.updateDistrict(d, Guard.actor(ctx)).thenApply(this::view));
        });
    }

    private void one(RoutingContext ctx) {
        new Query(ctx).done();
        String id = ctx.pathParam("id");
        District d = service.districts().get(id).orElseThrow(() -> new Problem.Raised(Problem.of("not-found",
                "No such district", 404, "no district " + id, List.of(new FieldError("id", "unknown: " + id)))));
        Api.send(ctx, 200, view(d));
    }

    private DistrictView view(District d) {
        return new DistrictView(d.id(), d.name(), d.level(), d.parent(),
                service.districts().children(d.id()).stream().map(District::id).toList());
    }

}
