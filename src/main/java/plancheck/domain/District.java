package plancheck.domain;

/**
 * A node of the district tree (市 ⊃ 区 ⊃ 街道/镇 ⊃ 社区).
 *
 * @param parent id of the enclosing district; null for the root
 */
public record District(String id, String name, Level level, String parent) {

    /** Administrative levels, named as the reports name them. */
    public enum Level { 市, 区, 街道, 镇, 社区 }
}
