import { describe, expect, it } from 'vitest';
import { findDossierCode, maskedCode } from './dossier-code-query';

describe('dossier code in a lookup query', () => {
  it('the plain code of the receipt QR is found with whitespace around it', () => {
    expect(findDossierCode('  000.00.53.H48-220921-0099\n')).toBe('000.00.53.H48-220921-0099');
  });

  it('a code inside a URL, encoded or in lower case, is found', () => {
    expect(findDossierCode('https://x.vn/tra-cuu?ma=000.00.53.h48-220921-0099&a=1')).toBe(
      '000.00.53.H48-220921-0099',
    );
    expect(findDossierCode('https://x.vn/?ma=000.00.53.H48%2D220921%2D0099')).toBe(
      '000.00.53.H48-220921-0099',
    );
  });

  it('text without a whole code finds nothing', () => {
    expect(findDossierCode('000.00.53.H48-220921-099')).toBeNull();
    expect(findDossierCode('1000.00.53.H48-220921-00991')).toBeNull();
    expect(findDossierCode('xin chào')).toBeNull();
  });

  it('logs see the unit and day but not the sequence', () => {
    expect(maskedCode('000.00.53.H48-220921-0099')).toBe('000.00.53.H48-220921-****');
  });
});

describe('dossier code in a scanned document QR', () => {
  // Written out by hand, not by formatDocumentQr: the reader must read what the papers print.
  const payload =
    'MC1*01*000.00.53.H48-261125-0001*1.004222*001185012345*KMC*202611251015*202612041700';

  it('a version-1 payload gives its dossier code, not the ID number beside it', () => {
    expect(findDossierCode(payload)).toBe('000.00.53.H48-261125-0001');
    expect(findDossierCode(`${payload}\n`)).toBe('000.00.53.H48-261125-0001');
  });

  it('a damaged version-1 payload gives no code, even when the code itself survived', () => {
    expect(findDossierCode(payload.replace('*KMC*', '*'))).toBeNull();
  });
});
