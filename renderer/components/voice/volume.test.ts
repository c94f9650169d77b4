import { describe, expect, it } from 'vitest';
import { stepVolume, VOLUME_DEFAULT, VOLUME_STEPS } from './volume';

describe('the volume buttons', () => {
  it('go one step up and down from the default', () => {
    expect(stepVolume(VOLUME_DEFAULT, 1)).toBe(1);
    expect(stepVolume(VOLUME_DEFAULT, -1)).toBe(0.5);
  });

  it('stop at the quietest and the loudest step instead of muting or overflowing', () => {
    expect(stepVolume(VOLUME_STEPS[0], -1)).toBe(VOLUME_STEPS[0]);
    expect(stepVolume(1, 1)).toBe(1);
  });

  it('snap a volume between steps to a step', () => {
    expect(stepVolume(0.6, 1)).toBe(1);
    expect(stepVolume(0.6, -1)).toBe(0.5);
  });
});
