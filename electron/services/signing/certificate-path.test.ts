import { describe, expect, it } from 'vitest';
import { DAY, issue, leaf, makePki } from '../../../test/fixtures/signing/pki';
import type { Identity } from '../../../test/fixtures/signing/pki';
import { checkCertificatePath } from './certificate-path';

const pki = makePki(new Date('2026-06-01T00:00:00Z'));
const { root, intermediate, signer, chain, now } = pki;
const sorted = (problems: readonly string[]): string[] => [...problems].sort();

/** `n` CAs stacked under the root (same key, distinct names), and a signer under the lowest. */
function tallChain(n: number): { leaf: Identity; pool: Identity[] } {
  const pool: Identity[] = [];
  let above = root;
  for (let i = 0; i < n; i += 1) {
    above = issue({
      cn: `CA tầng ${String(i + 1)}`,
      key: pki.spareKey,
      issuer: above,
      serial: 100 + i,
      ca: true,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + DAY),
    });
    pool.unshift(above);
  }
  return { leaf: leaf(pki, { serial: 99, issuer: above }), pool };
}

describe('checkCertificatePath', () => {
  it('a signer under a trusted root through the embedded intermediate is trusted, path leaf first', () => {
    const r = checkCertificatePath(signer.cert, chain, [root.cert], now);
    expect(r.problems).toEqual([]);
    expect(r.trusted).toBe(true);
    expect(r.path.map((c) => c.serialNumber)).toEqual(['03', '02', '01']);
  });

  it('the intermediate as trust anchor ends the path there', () => {
    const r = checkCertificatePath(signer.cert, [], [intermediate.cert], now);
    expect(r.trusted).toBe(true);
    expect(r.path.map((c) => c.serialNumber)).toEqual(['03', '02']);
  });

  it('a signer certificate installed as an anchor is trusted alone', () => {
    const r = checkCertificatePath(signer.cert, [], [signer.cert], now);
    expect(r).toMatchObject({ trusted: true, problems: [] });
    expect(r.path).toHaveLength(1);
  });

  it('no anchors: the chain is walked up to the root and nothing is trusted', () => {
    const r = checkCertificatePath(signer.cert, chain, [], now);
    expect(r.trusted).toBe(false);
    expect(sorted(r.problems)).toEqual(['CHAIN_UNTRUSTED', 'NO_TRUST_ANCHORS']);
    // The self-signed root is not taken twice, and its own name is no look-alike.
    expect(r.path.map((c) => c.serialNumber)).toEqual(['03', '02', '01']);
  });

  it('a missing intermediate breaks the chain without calling it forged', () => {
    const r = checkCertificatePath(signer.cert, [], [root.cert], now);
    expect(r.trusted).toBe(false);
    expect(r.problems).toEqual(['CHAIN_UNTRUSTED']);
    expect(r.path).toHaveLength(1);
  });

  it('a root with the trusted name but another key is a look-alike: CHAIN_BAD_SIGNATURE', () => {
    const r = checkCertificatePath(signer.cert, [intermediate.cert], [pki.lookAlikeRoot.cert], now);
    expect(r.trusted).toBe(false);
    expect(sorted(r.problems)).toEqual(['CHAIN_BAD_SIGNATURE', 'CHAIN_UNTRUSTED']);
  });

  it('an intermediate signed by the look-alike key is not taken into the path', () => {
    const forgedInter = issue({
      cn: 'CA trung gian thử nghiệm',
      key: pki.spareKey,
      issuer: pki.lookAlikeRoot,
      serial: 2,
      ca: true,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + DAY),
    });
    const r = checkCertificatePath(signer.cert, [forgedInter.cert], [root.cert], now);
    expect(r.trusted).toBe(false);
    expect(sorted(r.problems)).toEqual(['CHAIN_BAD_SIGNATURE', 'CHAIN_UNTRUSTED']);
    expect(r.path).toHaveLength(1);
  });

  it("a CA holding the issuer's key under another name is not the issuer: names must chain too", () => {
    const renamed = issue({
      cn: 'CA đổi tên',
      key: { privateKey: intermediate.privateKey, publicKeyDer: intermediate.publicKeyDer },
      issuer: root,
      serial: 22,
      ca: true,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + DAY),
    });
    const r = checkCertificatePath(signer.cert, [renamed.cert], [root.cert], now);
    expect(r.trusted).toBe(false);
    expect(r.problems).toEqual(['CHAIN_UNTRUSTED']);
    expect(r.path).toHaveLength(1);
  });

  it('an issuer without CA:TRUE is ISSUER_NOT_CA', () => {
    const notCa = issue({
      cn: 'Không phải CA',
      key: pki.spareKey,
      issuer: root,
      serial: 20,
      ca: false,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + DAY),
    });
    const under = leaf(pki, { serial: 21, issuer: notCa });
    const r = checkCertificatePath(under.cert, [notCa.cert], [root.cert], now);
    expect(r.trusted).toBe(false);
    expect(r.problems).toEqual(['ISSUER_NOT_CA']);
  });

  it('validity counts to the second at both ends, and each side has its own problem', () => {
    const from = new Date(now.getTime() - DAY);
    const to = new Date(now.getTime() + DAY);
    const s = leaf(pki, { serial: 30, notBefore: from, notAfter: to });
    const at = (t: Date) => checkCertificatePath(s.cert, chain, [root.cert], t);
    expect(at(from).problems).toEqual([]);
    expect(at(to).problems).toEqual([]);
    expect(at(new Date(from.getTime() - 1000))).toMatchObject({
      trusted: false,
      problems: ['CERT_NOT_YET_VALID'],
    });
    expect(at(new Date(to.getTime() + 1000))).toMatchObject({
      trusted: false,
      problems: ['CERT_EXPIRED'],
    });
  });

  it('an intermediate expired at the signing time spoils the path', () => {
    const oldInter = issue({
      cn: 'CA trung gian thử nghiệm',
      key: { privateKey: intermediate.privateKey, publicKeyDer: intermediate.publicKeyDer },
      issuer: root,
      serial: 40,
      ca: true,
      notBefore: new Date(now.getTime() - 10 * DAY),
      notAfter: new Date(now.getTime() - DAY),
    });
    const r = checkCertificatePath(signer.cert, [oldInter.cert], [root.cert], now);
    expect(r.problems).toEqual(['CERT_EXPIRED']);
  });

  it('key usage: nonRepudiation alone or digitalSignature alone may sign, no extension may sign, neither may not', () => {
    const check = (keyUsage: number | null, serial: number) =>
      checkCertificatePath(leaf(pki, { serial, keyUsage }).cert, chain, [root.cert], now);
    expect(check(0x40, 50).problems).toEqual([]);
    expect(check(0x80, 51).problems).toEqual([]);
    expect(check(null, 52).problems).toEqual([]);
    expect(check(0x06, 53)).toMatchObject({ trusted: false, problems: ['KEY_USAGE'] });
  });

  it('paths are built at most ten links deep', () => {
    const nine = tallChain(9);
    expect(
      checkCertificatePath(
        nine.leaf.cert,
        nine.pool.map((i) => i.cert),
        [root.cert],
        now,
      ).trusted,
    ).toBe(true);
    const ten = tallChain(10);
    const r = checkCertificatePath(
      ten.leaf.cert,
      ten.pool.map((i) => i.cert),
      [root.cert],
      now,
    );
    expect(r.trusted).toBe(false);
    expect(r.problems).toContain('CHAIN_UNTRUSTED');
    expect(r.path).toHaveLength(11);
  });
});
