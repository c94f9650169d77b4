import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ldsSecurityObject,
  sha256All,
  signingPki,
  signSod,
} from '../../../test/fixtures/cccd/forged-sod';
import type { SigningPki } from '../../../test/fixtures/cccd/forged-sod';
import { encodeTlv, ParseError } from '../lds';
import { parseSod } from './index';

const DGS = new Map<number, Uint8Array>([[1, Uint8Array.of(0x61, 0x01, 0x00)]]);
let pki: SigningPki;
let lso: Uint8Array;
beforeAll(async () => {
  pki = await signingPki();
  lso = ldsSecurityObject(DGS, await sha256All(DGS));
});

/** The ParseError parseSod throws, for its message and cause. */
function parseError(sod: Uint8Array): ParseError {
  try {
    parseSod(sod);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw new Error(`parseSod threw ${String(e)}, not a ParseError`, { cause: e });
  }
  throw new Error('parseSod accepted the input');
}

/** A SignedData (without signers) around `eContent`. */
function signedData(eContent: asn1js.OctetString | undefined): pkijs.SignedData {
  const signed = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: '2.23.136.1.1.1',
      ...(eContent === undefined ? {} : { eContent }),
    }),
    signerInfos: [],
  });
  if (eContent !== undefined) signed.encapContentInfo.eContent = eContent;
  return signed;
}

const wrap = (contentType: string, content: pkijs.SignedData | asn1js.BaseBlock): Uint8Array =>
  encodeTlv(
    0x77,
    new Uint8Array(
      new pkijs.ContentInfo({
        contentType,
        content: content instanceof pkijs.SignedData ? content.toSchema(true) : content,
      })
        .toSchema()
        .toBER(false),
    ),
  );

describe('EF.SOD parsing: each malformation has its own message', () => {
  it('bytes that are not BER', () => {
    expect(parseError(Uint8Array.of(0x77, 0x02, 0x30, 0x85)).message).toMatch(
      /EF\.SOD is not valid BER/,
    );
  });

  it('a ContentInfo that is not SignedData, even if its content would parse as one', () => {
    const e = parseError(
      wrap('1.2.840.113549.1.7.1', signedData(new asn1js.OctetString({ valueHex: lso }))),
    );
    expect(e.message).toMatch(/EF\.SOD is not CMS SignedData/);
    expect(e.cause).toBeUndefined();
  });

  it('SignedData whose content does not parse keeps the parser error as its cause', () => {
    const e = parseError(wrap('1.2.840.113549.1.7.2', new asn1js.Integer({ value: 5 })));
    expect(e.message).toMatch(/EF\.SOD is not CMS SignedData/);
    expect(e.cause).toBeInstanceOf(Error);
  });

  it('SignedData without its content (detached)', () => {
    expect(parseError(wrap('1.2.840.113549.1.7.2', signedData(undefined))).message).toMatch(
      /EF\.SOD has no content/,
    );
  });

  it('an LDSSecurityObject without its hash list', async () => {
    const short = encodeTlv(0x30, encodeTlv(0x02, Uint8Array.of(0)));
    expect(parseError(await signSod(pki, { lso: short })).message).toMatch(
      /LDSSecurityObject is incomplete/,
    );
  });

  it('an LDSSecurityObject whose version is not an INTEGER', async () => {
    const good = ldsSecurityObject(DGS, await sha256All(DGS));
    const bad = good.slice();
    bad[2] = 0x04; // 30 L [02 01 00] -> 30 L [04 01 00]
    expect(parseError(await signSod(pki, { lso: bad })).message).toMatch(
      /LDSSecurityObject is incomplete/,
    );
  });

  it('a data group number of two bytes', async () => {
    const entry = encodeTlv(
      0x30,
      encodeTlv(0x02, Uint8Array.of(0, 1)),
      encodeTlv(0x04, new Uint8Array(32)),
    );
    const bad = ldsSecurityObject(DGS, new Map(), { entries: [entry] });
    expect(parseError(await signSod(pki, { lso: bad })).message).toMatch(
      /DataGroupHash is malformed/,
    );
  });

  it('an eContent that is not an OCTET STRING: "malformed", with pkijs\'s error as its cause', async () => {
    const sod = await signSod(pki, { lso });
    // eContentType id-ldsSecurityObject (06 06 67 81 08 01 01 01), then [0] L 04 L <LDSSecurityObject>.
    const oid = Buffer.from('0606678108010101a0', 'hex');
    const at = Buffer.from(sod).indexOf(oid) + oid.length + 1;
    expect(sod[at]).toBe(0x04);
    sod[at] = 0x02; // INTEGER
    const e = parseError(sod);
    expect(e.message).toMatch(/EF\.SOD is malformed/);
    expect(e.cause).toBeInstanceOf(TypeError);
  });

  it('reads a well-formed SOD signed by the fixture', async () => {
    const sod = parseSod(await signSod(pki, { lso }));
    expect(sod.hashAlgorithm).toBe('sha256');
    expect([...sod.dataGroupHashes.keys()]).toEqual([1]);
    expect(sod.certificates).toHaveLength(1);
  });
});
