package plancheck.http;

import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import plancheck.domain.District;
import plancheck.service.Service;
import plancheck.service.FieldError;

/**
 * Reading the district registry. Adding and changing districts is for admins and comes with the accounts; until
 * then the tree changes only through data/districts.json in an empty store.
 */
final class DistrictRoutes implements Routes {

    private final Service service;

    DistrictRoutes(Service service) {
        this.service = service;
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
