import { describe, expect, it } from 'vitest';
import { buildScanArgs } from './sane-args';
import { classifySaneExit } from './sane-errors';
import { parseSaneOptions, saneDeviceOptions } from './sane-options';

describe('how a scanimage batch ended', () => {
  it('a jam is a paper jam even after pages were scanned', () => {
    const stderr =
      'Scanning page 3\nscanimage: sane_read: Document feeder jammed\nBatch terminated, 2 pages scanned\n';
    expect(classifySaneExit(stderr, 6, 2)?.code).toBe('PAPER_JAM');
  });

  it('out of documents before the first page is an empty feeder', () => {
    const stderr = 'scanimage: sane_start: Document feeder out of documents\n';
    expect(classifySaneExit(stderr, 7, 0)?.code).toBe('FEEDER_EMPTY');
  });

  it('out of documents after some pages is the normal end of an ADF batch', () => {
    const stderr =
      'scanimage: sane_start: Document feeder out of documents\nBatch terminated, 10 pages scanned\n';
    expect(classifySaneExit(stderr, 7, 10)).toBeUndefined();
  });

  it('an I/O error mid-batch means the device went away', () => {
    expect(classifySaneExit('scanimage: sane_read: Error during device I/O\n', 1, 3)?.code).toBe(
      'DEVICE_GONE',
    );
  });

  it('a process killed by a signal we did not send means the device went away', () => {
    expect(classifySaneExit('', null, 2)?.code).toBe('DEVICE_GONE');
  });

  it('an unknown device name is reported as not found', () => {
    expect(
      classifySaneExit('scanimage: open of device test:5 failed: Invalid argument\n', 1, 0)?.code,
    ).toBe('DEVICE_NOT_FOUND');
  });
});

describe('scan arguments', () => {
  const device = saneDeviceOptions(
    parseSaneOptions(
      '    --mode Gray|Color [Gray]\n    --source Flatbed|Automatic Document Feeder [Flatbed]\n    --resolution 75|300dpi [75]\n',
    ),
  );

  it('are an argument array with the device’s own source and mode strings', () => {
    expect(
      buildScanArgs(
        'test:0',
        device,
        { outDir: '/o', source: 'adf', mode: 'gray', resolution: 300 },
        '/o',
      ),
    ).toEqual([
      '--device-name',
      'test:0',
      '--format=tiff',
      '--batch=/o/p%04d.tif',
      '--batch-print',
      '--source',
      'Automatic Document Feeder',
      '--mode',
      'Gray',
      '--resolution',
      '300',
    ]);
  });

  it('never send geometry a device does not have', () => {
    const args = buildScanArgs(
      'd',
      device,
      { outDir: '/o', area: { widthMm: 210, heightMm: 297 } },
      '/o',
    );
    expect(args).not.toContain('-x');
  });

  it('refuse a resolution or mode the device does not offer with a typed error', () => {
    expect(() => buildScanArgs('d', device, { outDir: '/o', resolution: 600 }, '/o')).toThrow(
      /resolution 600/,
    );
    expect(() => buildScanArgs('d', device, { outDir: '/o', mode: 'bitonal' }, '/o')).toThrow(
      /mode bitonal/,
    );
  });
});
