package plancheck.http;

import io.vertx.ext.web.Router;

import plancheck.domain.Action;
import plancheck.service.Service;
import plancheck.store.AuditStore;

/**
 * {@code GET /api/audit}: the log of writes, for admins (all of it) and reviewers (the entries of districts in
 * their scope).
 */
final class AuditRoutes implements Routes {

    private final Service service;

    AuditRoutes(Service service) {
        this.service = service;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/audit").handler(ctx -> {
            Query q = new Query(ctx);
            String entity = q.text("entity");
            String entityId = q.text("entityId");
            String user = q.text("user");
            java.time.ZoneId zone = service.zone();
            java.time.Instant from = q.instant("from", zone);
            java.time.Instant to = q.instant("to", zone);
            Query.Paging paging = q.paging();
            q.done();
            java.util.Set<String> scopes = service.access().scopes(Guard.actor(ctx), Action.AUDIT);
            java.util.Set<String> districts = scopes == null ? null : service.districts().subtree(scopes);
            Api.reply(ctx, 200, service.audit(new AuditStore.Query(entity, entityId, user, from, to,
                    districts, paging.limit(), paging.offset())));
        });
    }
}
