package plancheck.ingest;

import plancheck.domain.Kind;

/**
 * A number with its unit as written in a clause, e.g. 200个以上, 超70万平方米, 全覆盖 (100%), 零增量 (0).
 *
 * @param value       the number, negative for a stated decrease (下降10%); a range's lower bound
 * @param max         a range's upper bound (增长6%-7%), else null
 * @param unit        the unit as written; null when the text states none (零增量)
 * @param bound       AT_LEAST or AT_MOST when a qualifier says so (以上, 不超过…), else null
 * @param approximate 约, 左右, 近, 余, 多
 * @param count       how many targets share this number: 3 for 三个100%, else 1
 * @param start       offset in the clause where the quantity (with its qualifiers) starts
 * @param end         offset in the clause where it ends
 * @param numberStart offset in the clause of the number itself
 */
public record Quantity(double value, Double max, String unit, Kind bound, boolean approximate, int count, int start, int end,
                       int numberStart) {
}
