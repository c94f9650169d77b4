import { describe, expect, it } from 'vitest';
import { applyTone } from './vietnamese-tone';

describe('applyTone', () => {
  it('puts the tone on the only vowel of a closed syllable', () => {
    expect(applyTone('Trân', 'huyen')).toBe('Trần');
    expect(applyTone('Bênh', 'nang')).toBe('Bệnh');
  });

  it('prefers the shaped vowel in a cluster (iê, ôi, ươ)', () => {
    expect(applyTone('viên', 'nang')).toBe('viện');
    expect(applyTone('Nôi', 'nang')).toBe('Nội');
    expect(applyTone('người', 'huyen')).toBe('người');
    expect(applyTone('nguoi', 'huyen')).toBe('nguòi');
  });

  it('treats the u of qu and the i of gi as consonants', () => {
    expect(applyTone('quôc', 'sac')).toBe('quốc');
    expect(applyTone('gia', 'huyen')).toBe('già');
    expect(applyTone('qua', 'nga')).toBe('quã');
  });

  it('an open two-vowel syllable takes the tone on the first vowel, a closed one on the last', () => {
    expect(applyTone('hoa', 'huyen')).toBe('hòa');
    expect(applyTone('hoang', 'huyen')).toBe('hoàng');
    expect(applyTone('khuya', 'nang')).toBe('khuỵa');
  });

  it('replaces a tone instead of stacking a second one, only on the last word', () => {
    expect(applyTone('Hà Nôi', 'nang')).toBe('Hà Nội');
    expect(applyTone('Hà', 'sac')).toBe('Há');
  });

  it('returns NFC text and leaves a word without vowels alone', () => {
    const out = applyTone('Viêt', 'nang');
    expect(out).toBe(out.normalize('NFC'));
    expect(out).toBe('Việt');
    expect(applyTone('Ng', 'sac')).toBe('Ng');
    expect(applyTone('', 'sac')).toBe('');
  });
});
