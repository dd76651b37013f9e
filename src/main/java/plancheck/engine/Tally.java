package plancheck.engine;

import plancheck.domain.Commitment;
import plancheck.domain.Status;

/**
 * Where the engine reports each change of what a live commitment counts as: its group (district, year, category,
 * 责任单位 as the commitment has them) and its slot (status, and whether the counted result awaits review). Called by
 * the threads holding the partitions' turns (partition threads, or callers doing small work), several at once,
 * whenever a published verdict or the commitment's group differs from what was reported last for it, and when a
 * commitment leaves a session; nothing is reported for an unchanged one.
 */
@FunctionalInterface
public interface Tally {

    /** Nobody counts. */
    Tally NONE = (from, fromSlot, to, toSlot) -> {
    };

    /** Number of slots: two per status (reviewed or not needing review; awaiting review). */
    int SLOTS = Status.values().length * 2;

    /** The group of commitments counted together; {@code category} and {@code owner} may be null. */
    record Key(String district, int year, String category, String owner) {
        static Key of(Commitment c) {
            return new Key(c.district(), c.year(), c.category(), c.owner());
        }
    }

    /**
     * A commitment stopped counting as {@code fromSlot} of {@code from} (null: it was not counted) and counts as
     * {@code toSlot} of {@code to} now (null: no longer counted).
     */
    void moved(Key from, int fromSlot, Key to, int toSlot);

    /** The slot of a status; {@code unreviewed} when the verdict carries the warning UNREVIEWED (待审核). */
    static int slot(Status status, boolean unreviewed) {
        return status.ordinal() * 2 + (unreviewed ? 1 : 0);
    }

    static Status status(int slot) {
        return Status.values()[slot / 2];
    }

    static boolean unreviewed(int slot) {
        return slot % 2 == 1;
    }
}
