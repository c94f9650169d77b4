/** Vietnamese strings of the selfService screens (the source; self-service.en.ts mirrors the keys). */
export const selfServiceVi = {
  title: 'Nộp hồ sơ',
} as const;
