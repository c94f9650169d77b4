import { fromJdn } from './civil-date';
import type { IsoDate } from './working-calendar';

/**
 * The Vietnamese lunisolar calendar, computed for UTC+7 (the Chinese
 * calendar uses UTC+8, so Tết differs in some years, e.g. 1985 and 2007).
 *
 * Rules: a month starts on the local day of a new moon; month 11 contains the
 * winter solstice; in a year with 13 months between two month-11s, the first
 * month without a major solar term (the sun entering a 30° sector) is the
 * leap month. New moons use Meeus' truncated series (Astronomical
 * Algorithms, ch. 49) and the sun's longitude his low-precision formula
 * (ch. 25), which is accurate to minutes over 1900–2100.
 */
const TZ_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** JD of the new moon of 1900-01-01, the origin of the lunation count k. */
const K0_JD = 2415021.076998695;
const RAD = Math.PI / 180;

/** Julian Day (TT, approximately) of new moon number k after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const mp = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  jd +=
    (0.1734 - 0.000393 * t) * Math.sin(m) +
    0.0021 * Math.sin(2 * m) -
    0.4068 * Math.sin(mp) +
    0.0161 * Math.sin(2 * mp) -
    0.0004 * Math.sin(3 * mp) +
    0.0104 * Math.sin(2 * f) -
    0.0051 * Math.sin(m + mp) -
    0.0074 * Math.sin(m - mp) +
    0.0004 * Math.sin(2 * f + m) -
    0.0004 * Math.sin(2 * f - m) -
    0.0006 * Math.sin(2 * f + mp) +
    0.001 * Math.sin(2 * f - mp) +
    0.0005 * Math.sin(2 * mp + m);
  // ΔT (TT − UT) in days.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd - deltaT;
}

/** Julian Day Number of the local (UTC+7) day of new moon k. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TZ_HOURS / 24);
}

/** Which 30° sector (0–11) the sun is in at local midnight starting day `jdn`. */
function sunSector(jdn: number): number {
  const t = (jdn - 0.5 - TZ_HOURS / 24 - 2451545.0) / 36525;
  const t2 = t * t;
  const m = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const c =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(m) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * m) +
    0.00029 * Math.sin(3 * m);
  const longitude = ((((l0 + c) % 360) + 360) % 360) * RAD;
  return Math.floor((longitude / Math.PI) * 6);
}

/** JDN of the first day of lunar month 11 (the solstice month) of lunar year `year`. */
function month11Start(year: number): number {
  const dec31 = Date.UTC(year, 11, 31) / 86_400_000 + 2_440_588;
  const k = Math.floor((dec31 - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** Months after month 11 (1-based) of the leap month in a 13-month year starting at `a11`. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - K0_JD) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * The civil date of a Vietnamese lunar date (non-leap month unless `leap`).
 * Throws RangeError for a leap month that year does not have.
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): IsoDate {
  const [a11, b11] =
    month < 11
      ? [month11Start(year - 1), month11Start(year)]
      : [month11Start(year), month11Start(year + 1)];
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth)
      throw new RangeError(`lunar year ${year} has no leap month ${month}`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`lunar year ${year} has no leap month`);
  }
  const k = Math.floor(0.5 + (a11 - K0_JD) / SYNODIC_MONTH);
  return fromJdn(newMoonDay(k + offset) + day - 1);
}

/** Mùng 1 Tết of lunar year `year` (which starts in January or February of `year`). */
export function tetDate(year: number): IsoDate {
  return lunarToSolar(year, 1, 1);
}
