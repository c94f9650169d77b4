import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildScanSettings,
  parseEsclCapabilities,
  parseEsclStatus,
  parseScanSettings,
} from './escl-xml';

const golden = readFileSync(
  new URL('../../test/fixtures/escl/capabilities.xml', import.meta.url),
  'utf8',
);

describe('eSCL XML', () => {
  it('the golden capabilities give flatbed, ADF and duplex, three colour modes, discrete resolutions and an A4 area', () => {
    const caps = parseEsclCapabilities(golden);
    expect(caps.makeAndModel).toBe('Kiosk Test eSCL Scanner');
    expect(caps.capabilities).toEqual({
      sources: ['flatbed', 'adf', 'adf-duplex'],
      resolutions: [75, 150, 300, 600],
      modes: ['bitonal', 'gray', 'color'],
      maxArea: { widthMm: 215, heightMm: 355 },
      duplex: true,
    });
    expect(caps.formats).toContain('image/jpeg');
  });

  it('a scanner that only describes its platen sizes still parses, with no optional capability invented', () => {
    const caps = parseEsclCapabilities(
      '<scan:ScannerCapabilities xmlns:scan="x" xmlns:pwg="y"><scan:Platen><scan:PlatenInputCaps><scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>3300</scan:MaxHeight></scan:PlatenInputCaps></scan:Platen></scan:ScannerCapabilities>',
    );
    expect(caps.capabilities).toEqual({
      sources: ['flatbed'],
      maxArea: { widthMm: 215, heightMm: 279 },
    });
  });

  it('capabilities without sizes are rejected rather than guessed', () => {
    expect(() =>
      parseEsclCapabilities(
        '<scan:ScannerCapabilities><scan:Platen><scan:PlatenInputCaps/></scan:Platen></scan:ScannerCapabilities>',
      ),
    ).toThrow();
  });

  it('status reads the state, the feeder state and the jobs', () => {
    const status = parseEsclStatus(
      '<scan:ScannerStatus xmlns:scan="x" xmlns:pwg="y"><pwg:State>Idle</pwg:State><scan:AdfState>ScannerAdfJam</scan:AdfState><scan:Jobs><scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/1</pwg:JobUri><pwg:JobState>Aborted</pwg:JobState><pwg:ImagesCompleted>2</pwg:ImagesCompleted></scan:JobInfo></scan:Jobs></scan:ScannerStatus>',
    );
    expect(status).toMatchObject({
      State: 'Idle',
      AdfState: 'ScannerAdfJam',
      Jobs: { JobInfo: [{ ImagesCompleted: 2 }] },
    });
  });

  it('scan settings for an ADF grey 300 dpi A4 job round-trip through the parser', () => {
    const xml = buildScanSettings(
      {
        outDir: '/x',
        source: 'adf',
        mode: 'gray',
        resolution: 300,
        area: { widthMm: 210, heightMm: 297 },
      },
      'image/jpeg',
    );
    expect(xml).toContain('<pwg:Width>2480</pwg:Width>');
    expect(parseScanSettings(xml)).toMatchObject({
      InputSource: 'Feeder',
      Duplex: 'false',
      ColorMode: 'Grayscale8',
      XResolution: 300,
    });
  });
});
