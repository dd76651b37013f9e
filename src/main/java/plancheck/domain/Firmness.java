package plancheck.domain;

/** 确保 (firm) versus 力争/争创/努力 (strive to). */
public enum Firmness {
    FIRM,
    STRIVE
}
