import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingPki } from '../../../test/fixtures/cccd/forged-sod';
import type { SigningPki } from '../../../test/fixtures/cccd/forged-sod';
import { certificateDer, toPem } from '../../../test/fixtures/cccd/pki';
import { certificatesFromFile, loadTrustStore, trustStoreFrom } from './index';

let pki: SigningPki;
let root: string;
beforeAll(async () => {
  pki = await signingPki();
  root = await mkdtemp(join(tmpdir(), 'cccd-trust-store-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A CMS SignedData whose content is `CscaMasterList { 0, { certs } }` typed as `eContentType`. */
function masterList(eContentType: string, certs: readonly pkijs.Certificate[]): Uint8Array {
  const list = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Set({ value: certs.map((c) => c.toSchema()) }),
    ],
  });
  const signed = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType,
      eContent: new asn1js.OctetString({ valueHex: list.toBER(false) }),
    }),
    signerInfos: [],
  });
  const info = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signed.toSchema(true),
  });
  return new Uint8Array(info.toSchema().toBER(false));
}

describe('CSCA trust folder', () => {
  it('loads only certificate and master-list file names, and reports no problem when all read', async () => {
    const dir = join(root, 'names');
    await mkdir(dir);
    await writeFile(join(dir, 'csca.PEM'), toPem(certificateDer(pki.csca), 'CERTIFICATE'));
    await writeFile(join(dir, 'csca.der'), certificateDer(pki.csca));
    await writeFile(join(dir, 'README.txt'), 'Đặt chứng thư CSCA vào thư mục này.');
    await writeFile(join(dir, 'csca.pem.bak'), 'an old copy, not a certificate');
    const store = await loadTrustStore(dir);
    expect(store.certificates).toHaveLength(2);
    expect(store.problems).toEqual([]);
  });

  it('reports a PEM file whose certificate block never ends', async () => {
    const dir = join(root, 'cut');
    await mkdir(dir);
    const pem = toPem(certificateDer(pki.csca), 'CERTIFICATE');
    await writeFile(join(dir, 'cut.pem'), pem.slice(0, pem.indexOf('-----END')));
    const store = await loadTrustStore(dir);
    expect(store.certificates).toEqual([]);
    expect(store.problems).toEqual(['cut.pem: not a certificate or master list']);
  });

  it('loads files in its own name order (UTF-16), not the order the platform lists them in', async () => {
    // Node's readdir returns names in libuv's byte (UTF-8) order. The two
    // orders differ for a name above U+FFFF against one in U+E000–U+FFFF:
    // '！' (U+FF01, UTF-8 EF BC 81) lists before '😀' (U+1F600, F0 9F 98 80),
    // while in UTF-16 '😀' (D83D DE00) sorts first.
    const dir = join(root, 'order');
    await mkdir(dir);
    await writeFile(join(dir, '！csca.pem'), toPem(certificateDer(pki.csca), 'CERTIFICATE'));
    await writeFile(join(dir, '😀dsc.der'), certificateDer(pki.dsc));
    await writeFile(join(dir, '！bad.cer'), 'not a certificate');
    await writeFile(join(dir, '😀bad.crt'), 'not one either');
    const store = await loadTrustStore(dir);
    expect(store.certificates.map((c) => c.serialNumber.valueBlock.valueDec)).toEqual([
      pki.dsc.serialNumber.valueBlock.valueDec,
      pki.csca.serialNumber.valueBlock.valueDec,
    ]);
    expect(store.problems).toEqual([
      '😀bad.crt: not a certificate or master list',
      '！bad.cer: not a certificate or master list',
    ]);
  });

  it('reads a master list only when its content type says CSCA master list', () => {
    expect(certificatesFromFile(masterList('2.23.136.1.1.2', [pki.csca]))).toHaveLength(1);
    expect(certificatesFromFile(masterList('2.23.136.1.1.1', [pki.csca]))).toBeNull();
  });

  it('a store made from certificates has no problems to show', () => {
    expect(trustStoreFrom([pki.csca])).toEqual({ certificates: [pki.csca], problems: [] });
  });
});
