/** Volume steps of the "Nhỏ hơn" / "To hơn" buttons: four steps a citizen can hear apart. */
export const VOLUME_STEPS = [0.25, 0.5, 0.75, 1] as const;
export const VOLUME_DEFAULT = 0.75;

/** The next step up or down from `current`, staying within the steps. */
export function stepVolume(current: number, direction: 1 | -1): number {
  const at = VOLUME_STEPS.findIndex((v) => v >= current - 1e-9);
  const index = at === -1 ? VOLUME_STEPS.length - 1 : at;
  const next = Math.min(Math.max(index + direction, 0), VOLUME_STEPS.length - 1);
  return VOLUME_STEPS[next] ?? VOLUME_DEFAULT;
}
