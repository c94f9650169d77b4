/** Vietnamese strings of the intake screens (the source; intake.en.ts mirrors the keys). */
export const intakeVi = {
  title: 'Tiếp nhận hồ sơ',
} as const;
