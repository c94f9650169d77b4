import { describe, expect, it } from 'vitest';
import { parseWiaLine } from './wia-protocol';

describe('WIA bridge protocol', () => {
  it('a device line from the bridge is read with its sources and bed size', () => {
    const line = parseWiaLine(
      '{"event":"device","id":"{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\\\0001","name":"Canon DR-C225","vendor":"Canon","sources":["flatbed","adf"],"bedMm":[216,355],"status":"ready"}',
    );
    expect(line).toMatchObject({
      event: 'device',
      name: 'Canon DR-C225',
      sources: ['flatbed', 'adf'],
      bedMm: [216, 355],
    });
  });

  it('an error line carries the WIA HRESULT and our code', () => {
    expect(
      parseWiaLine('{"event":"error","code":"PAPER_JAM","hresult":"0x80210002","detail":"jam"}'),
    ).toEqual({
      event: 'error',
      code: 'PAPER_JAM',
      hresult: '0x80210002',
      detail: 'jam',
    });
  });

  it('PowerShell noise and malformed lines are ignored rather than trusted', () => {
    expect(parseWiaLine('WARNING: something')).toBeUndefined();
    expect(parseWiaLine('{"event":"page","index":-1,"path":"x"}')).toBeUndefined();
    expect(parseWiaLine('{not json')).toBeUndefined();
  });
});
