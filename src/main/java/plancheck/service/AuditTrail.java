package plancheck.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import plancheck.domain.Action;
import plancheck.domain.Actor;
import plancheck.domain.Result;
import plancheck.domain.Role;
import plancheck.store.AuditStore;
import plancheck.store.Json;

/**
 * Writes the audit entries of a change; called inside the change's transaction on the writer thread, so entries
 * appear exactly when their change is committed and in the order of the commits.
 */
final class AuditTrail {

    private final AuditStore store;
    private final Clock clock;

    AuditTrail(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One entry for a change the actor made under the role that allows {@code permission}. */
    AuditStore.Entry entry(Actor actor, Action permission, String action, String entity, String id, String district,
            Object before, Object after) {
        Role role = permission == null ? null : actor.roleFor(permission);
        return AuditStore.Entry.of(clock.instant(), actor.login(), role == null ? null : role.key(), action, entity,
                id, district, null, json(before), json(after));
    }

    /** The entry of a result reported (or a correction) by {@code actor}, in its commitment's district. */
    AuditStore.Entry reported(Actor actor, Result r, String district) {
        return entry(actor, Action.REPORT, r.corrects() == null ? "result.create" : "result.correct", "result",
                String.valueOf(r.id()), district, null, r);
    }

    void append(AuditStore.Entry... entries) {
        store.append(List.of(entries));
    }

    void append(List<AuditStore.Entry> entries) {
        store.append(new ArrayList<>(entries));
    }

    AuditStore store() {
        return store;
    }

    static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
