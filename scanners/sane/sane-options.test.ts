import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSaneDeviceList } from './sane-device-list';
import { parseSaneOptions, saneDeviceOptions } from './sane-options';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/scanners/sane/${name}`, import.meta.url), 'utf8');

describe('scanimage -A parsing', () => {
  it('the test backend golden file yields flatbed and ADF, gray and colour, 1..1200 dpi and 200 x 200 mm', () => {
    const device = saneDeviceOptions(parseSaneOptions(fixture('test-backend.A.txt')));
    expect(device.capabilities).toEqual({
      sources: ['flatbed', 'adf'],
      resolutions: { min: 1, max: 1200, step: 1 },
      modes: ['gray', 'color'],
      maxArea: { widthMm: 200, heightMm: 200 },
      duplex: false,
    });
    expect(device.sourceValues.get('adf')).toBe('Automatic Document Feeder');
    expect(device.modeValues.get('gray')).toBe('Gray');
  });

  it('current values and inactive options are read as the device reports them', () => {
    const options = parseSaneOptions(fixture('test-backend-adf-color.A.txt'));
    expect(options.get('--source')?.current).toBe('Automatic Document Feeder');
    expect(options.get('--mode')?.current).toBe('Color');
    expect(options.get('--resolution')?.current).toBe('300');
    expect(options.get('--three-pass-order')?.inactive).toBe(true);
    expect(options.get('-x')?.range).toEqual({ min: 0, max: 200, step: 1 });
    expect(options.get('-x')?.unit).toBe('mm');
  });

  it('a driver with no --mode, --source or geometry gets no such capability instead of a failure', () => {
    const device = saneDeviceOptions(
      parseSaneOptions(
        "All options specific to device `x:1':\n    --resolution 75|150|300|600dpi [150]\n",
      ),
    );
    expect(device.capabilities).toEqual({ resolutions: [75, 150, 300, 600] });
  });

  it('lineart, duplex and ADF front sources of other drivers map to the abstract settings', () => {
    const device = saneDeviceOptions(
      parseSaneOptions(
        [
          '    --source Flatbed|ADF Front|ADF Duplex [Flatbed]',
          '    --mode Lineart|Gray|Color [Lineart]',
        ].join('\n'),
      ),
    );
    expect(device.capabilities.sources).toEqual(['flatbed', 'adf', 'adf-duplex']);
    expect(device.capabilities.duplex).toBe(true);
    expect(device.modeValues.get('bitonal')).toBe('Lineart');
  });
});

describe('scanimage -L parsing', () => {
  it('the test backend golden file lists test:0 and test:1 with their vendor', () => {
    expect(parseSaneDeviceList(fixture('test-backend.L.txt'))).toEqual([
      { name: 'test:0', vendor: 'Noname', description: 'frontend-tester virtual device' },
      { name: 'test:1', vendor: 'Noname', description: 'frontend-tester virtual device' },
    ]);
  });

  it('the "no scanners" answer is an empty list', () => {
    expect(
      parseSaneDeviceList(
        '\nNo scanners were identified. If you were expecting something different,\ncheck that the scanner is plugged in.\n',
      ),
    ).toEqual([]);
  });
});
