package io.watchline.feed.asterix;

import static io.watchline.feed.asterix.Item.compound;
import static io.watchline.feed.asterix.Item.compoundFixed;
import static io.watchline.feed.asterix.Item.explicit;
import static io.watchline.feed.asterix.Item.ext;
import static io.watchline.feed.asterix.Item.fixed;
import static io.watchline.feed.asterix.Item.rep;

/**
 * User Application Profiles: for each category and edition, the data item at each field reference
 * number (FRN, index + 1), written from the EUROCONTROL specifications. Null is a spare FRN. Every
 * item is listed with its length rule even when the reader does not decode it, so that it can be
 * stepped over.
 */
final class Uap {
  private Uap() {}

  /** CAT048 monoradar target reports, edition 1.21 (length rules unchanged since 1.15). */
  static final Item[] CAT048 = {
    fixed("I048/010", 2), fixed("I048/140", 3), ext("I048/020", 1), fixed("I048/040", 4),
    fixed("I048/070", 2), fixed("I048/090", 2), compoundFixed("I048/130", 1, 1, 1, 1, 1, 1, 1),
    fixed("I048/220", 3), fixed("I048/240", 6), rep("I048/250", 8), fixed("I048/161", 2),
    fixed("I048/042", 4), fixed("I048/200", 4), ext("I048/170", 1),
    fixed("I048/210", 4), ext("I048/030", 1), fixed("I048/080", 2), fixed("I048/100", 4),
    fixed("I048/110", 2), compound("I048/120", fixed("I048/120 CAL", 2), rep("I048/120 RDS", 6)),
    fixed("I048/230", 2),
    fixed("I048/260", 7), fixed("I048/055", 1), fixed("I048/050", 2), fixed("I048/065", 1),
    fixed("I048/060", 2), explicit("I048/SP"), explicit("I048/RE"),
  };

  static final int I048_010 = 1, I048_140 = 2, I048_020 = 3, I048_040 = 4, I048_220 = 8, I048_240 = 9,
      I048_161 = 11, I048_042 = 12, I048_200 = 13, I048_170 = 14;

  /**
   * Why a CAT048 record without I048/040 and I048/042 is a report the standard defines without a
   * position, or null when it is a plot that lost its position. Track-end reports (I048/170 first
   * extension, TRE) and "no detection" reports (I048/020 TYP 000) carry none by design.
   */
  static String positionlessReport(byte[] b, int at020, int at170) {
    if (at170 >= 0 && (b[at170] & 1) != 0 && (b[at170 + 1] & 0x80) != 0) {
      return "cat048 track-end report (TRE, no position)";
    }
    if (at020 >= 0 && (b[at020] & 0xE0) == 0) {
      return "cat048 no-detection report (TYP 000, no position)";
    }
    return null;
  }

  /** What a CAT034 message type (I034/000) says about the radar, as status lines name it. */
  static String serviceMessage(int type) {
    return switch (type) {
      case 1 -> "north marker";
      case 2 -> "sector crossing";
      case 3 -> "geographical filtering";
      case 4 -> "jamming strobe";
      default -> "cat034 message type " + type;
    };
  }

  /** FRNs of the CAT034 items read as signs of life: data source, message type, time of day. */
  static final int I034_010 = 1, I034_000 = 2, I034_030 = 3;

  /**
   * CAT034 monoradar service messages, edition 1.27: walked over; data source, message type and
   * time of day are read as the radar's sign of life (no observation).
   */
  static final Item[] CAT034 = {
    fixed("I034/010", 2), fixed("I034/000", 1), fixed("I034/030", 3), fixed("I034/020", 1),
    fixed("I034/041", 2), compoundFixed("I034/050", 1, 0, 0, 1, 1, 2, 0),
    compoundFixed("I034/060", 1, 0, 0, 1, 1, 1, 0),
    rep("I034/070", 2), fixed("I034/100", 8), fixed("I034/110", 1), fixed("I034/120", 8),
    fixed("I034/090", 2), explicit("I034/RE"), explicit("I034/SP"),
  };

  /** CAT062 system tracks, edition 1.18. */
  static final Item[] CAT062_118 = {
    fixed("I062/010", 2), null, fixed("I062/015", 1), fixed("I062/070", 3), fixed("I062/105", 8),
    fixed("I062/100", 6), fixed("I062/185", 4),
    fixed("I062/210", 2), fixed("I062/060", 2), fixed("I062/245", 7),
    compound("I062/380", f(3), f(6), f(2), f(2), f(2), f(2), f(2),
        f(1), rep("I062/380 TID", 15), f(2), f(2), f(7), f(2), f(2),
        f(2), f(2), f(2), f(2), f(1), f(8), f(1),
        f(6), f(2), f(1), rep("I062/380 MB", 8), f(2), f(2), f(2)),
    fixed("I062/040", 2), ext("I062/080", 1), compoundFixed("I062/290", 1, 1, 1, 1, 2, 1, 1, 1, 1, 1),
    fixed("I062/200", 1),
    compoundFixed("I062/295", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1),
    fixed("I062/136", 2), fixed("I062/130", 2), fixed("I062/135", 2), fixed("I062/220", 2),
    compound("I062/390", f(2), f(7), f(4), f(1), f(4), f(1), f(4),
        f(4), f(3), f(2), f(2), rep("I062/390 TOD", 4), f(6), f(1),
        f(7), f(7), f(2), f(7)),
    ext("I062/270", 1), fixed("I062/300", 1), compoundFixed("I062/110", 1, 4, 6, 2, 2, 1, 1),
    fixed("I062/120", 2), ext("I062/510", 3), compoundFixed("I062/500", 4, 2, 4, 1, 1, 2, 2, 1),
    compoundFixed("I062/340", 2, 4, 2, 2, 2, 1),
    null, null, null, null, null, explicit("I062/RE"), explicit("I062/SP"),
  };

  static final int I062_010 = 1, I062_070 = 4, I062_105 = 5, I062_185 = 7, I062_040 = 12;

  /** CAT062 system tracks, edition 0.17 (I062/105 as 2 x 24 bits, velocity as polar I062/180). */
  static final Item[] CAT062_017 = {
    fixed("I062/010", 2), fixed("I062/015", 1), fixed("I062/070", 3), fixed("I062/040", 2),
    fixed("I062/105", 6), fixed("I062/100", 4), fixed("I062/060", 2),
    fixed("I062/130", 2), fixed("I062/135", 2), fixed("I062/136", 2), fixed("I062/180", 4),
    fixed("I062/200", 1), fixed("I062/220", 2), fixed("I062/240", 1),
    fixed("I062/210", 2), ext("I062/080", 1), compoundFixed("I062/290", 1, 1, 1, 1, 1, 2, 1, 1, 1),
    compoundFixed("I062/340", 2, 4, 2, 2, 2, 1),
    compound("I062/380", rep("I062/380 MB", 8), f(3), f(6), f(2), f(7)),
    null, // I062/050 is listed in 0.17 without a usable length rule: a record using it is rejected
    compound("I062/390", f(2), f(7), f(4), f(1), f(4), f(1), f(4),
        f(4), f(3), f(2), f(2), rep("I062/390 TOD", 4), f(6), f(1)),
    fixed("I062/110", 1), fixed("I062/120", 2), ext("I062/510", 3), null, null,
    explicit("I062/RE"), explicit("I062/SP"),
  };

  static final int I017_010 = 1, I017_070 = 3, I017_040 = 4, I017_105 = 5, I017_180 = 11;

  private static Item f(int n) {
    return fixed("subfield", n);
  }
}
