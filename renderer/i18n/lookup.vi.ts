/** Vietnamese strings of the lookup screens (the source; lookup.en.ts mirrors the keys). */
export const lookupVi = {
  title: 'Tra cứu hồ sơ',
} as const;
