/** ICAO 9303-10 data group number -> its EF tag (and the reverse). */
const DG_TAGS: Readonly<Record<number, number>> = {
  1: 0x61,
  2: 0x75,
  3: 0x63,
  4: 0x76,
  5: 0x65,
  6: 0x66,
  7: 0x67,
  8: 0x68,
  9: 0x69,
  10: 0x6a,
  11: 0x6b,
  12: 0x6c,
  13: 0x6d,
  14: 0x6e,
  15: 0x6f,
  16: 0x70,
};

export function dataGroupTag(dg: number): number | undefined {
  return DG_TAGS[dg];
}

export function dataGroupFromTag(tag: number): number | undefined {
  for (const [dg, t] of Object.entries(DG_TAGS)) if (t === tag) return Number(dg);
  return undefined;
}

/** Short file identifier of DG n is n; EF.COM is 0x1E, EF.SOD 0x1D, EF.CardAccess 0x1C. */
export const SFI = { com: 0x1e, sod: 0x1d, cardAccess: 0x1c } as const;
