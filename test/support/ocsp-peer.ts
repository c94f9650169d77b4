/**
 * A real OCSP responder for tests: `openssl ocsp -index … -port 0`, the CA
 * answering for the certificates it issued from an `openssl ca`-style index
 * (V valid, R revoked). The port openssl picked is read from its first line.
 * openssl binds every interface (it has no bind-address option); the tests
 * reach it on 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaFiles } from './tsa-peer';

export interface OcspPeer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  stop(): Promise<void>;
  remove(): Promise<void>;
}

/** openssl's index date: YYMMDDHHMMSSZ. */
function indexDate(d: Date): string {
  return `${d.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`;
}

function indexLine(pem: string, revokedAt: Date | null): string {
  const c = new X509Certificate(readFileSync(pem));
  const subject = `/${c.subject.split('\n').join('/')}`;
  const state = revokedAt === null ? 'V' : 'R';
  const revoked = revokedAt === null ? '' : indexDate(revokedAt);
  return [state, indexDate(new Date(c.validTo)), revoked, c.serialNumber, 'unknown', subject].join(
    '\t',
  );
}

/** Starts the responder for certificates `ca` issued: `good` ones valid, `revoked` ones revoked an hour ago. */
export async function startOcsp(
  ca: CaFiles,
  certs: { readonly good: readonly string[]; readonly revoked: readonly string[] },
): Promise<OcspPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-ocsp-'));
  const index = join(dir, 'index.txt');
  const anHourAgo = new Date(Date.now() - 3600_000);
  writeFileSync(
    index,
    [
      ...certs.good.map((p) => indexLine(p, null)),
      ...certs.revoked.map((p) => indexLine(p, anHourAgo)),
      '',
    ].join('\n'),
  );
  writeFileSync(`${index}.attr`, 'unique_subject = no\n');
  const child: ChildProcess = spawn(
    'openssl',
    [
      'ocsp',
      '-index',
      index,
      '-port',
      '0',
      '-rsigner',
      ca.cert,
      '-rkey',
      ca.key,
      '-CA',
      ca.cert,
      '-ignore_err',
      '-nmin',
      '10',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => {
      reject(new Error(`openssl ocsp did not start: ${text}`));
    }, 10_000);
    const read = (chunk: Buffer): void => {
      text += chunk.toString();
      const m = /ACCEPT .*:(\d+)/.exec(text);
      if (m !== null) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', () => {
      reject(new Error(`openssl ocsp exited: ${text}`));
    });
  });
  const stop = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => {
        resolve();
      });
      child.kill('SIGTERM');
    });
  return {
    url: `http://127.0.0.1:${String(port)}`,
    stop,
    remove: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
