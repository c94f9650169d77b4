/**
 * A real RFC 3161 time-stamping authority for tests: `openssl ts -reply`
 * behind a small HTTP server on 127.0.0.1. The TSA certificate is issued by
 * the CA the test names (so a verifier trusting that root trusts the
 * timestamps too), with extendedKeyUsage timeStamping marked critical as
 * RFC 3161 §2.3 requires.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CaFiles {
  readonly cert: string;
  readonly key: string;
}

export interface TsaPeer {
  /** http://127.0.0.1:PORT/tsa */
  readonly url: string;
  /** The TSA's certificate (PEM path). */
  readonly cert: string;
  /** Requests answered so far. */
  readonly answered: () => number;
  /** Closes the port: a TSA that is down (connection refused). */
  stop(): Promise<void>;
  /** Listens again on the same port: the network is back. */
  restart(): Promise<void>;
  remove(): void;
}

const run = (args: readonly string[]): string =>
  execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A TSA key and certificate under `ca`, and the `openssl ts` config that signs with them. */
function tsaFiles(dir: string, ca: CaFiles, chainPem: string): string {
  const key = join(dir, 'tsa.key');
  const cert = join(dir, 'tsa.pem');
  const csr = join(dir, 'tsa.csr');
  const ext = join(dir, 'tsa.ext');
  run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key]);
  run([
    'req',
    '-new',
    '-key',
    key,
    '-subj',
    '/C=VN/O=Kiosk Test CA/CN=Kiosk Test TSA',
    '-out',
    csr,
  ]);
  writeFileSync(
    ext,
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  run([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca.cert,
    '-CAkey',
    ca.key,
    '-CAcreateserial',
    '-days',
    '365',
    '-sha256',
    '-extfile',
    ext,
    '-out',
    cert,
  ]);
  writeFileSync(join(dir, 'chain.pem'), readFileSync(cert, 'utf8') + chainPem);
  writeFileSync(join(dir, 'serial'), '01\n');
  const cnf = join(dir, 'tsa.cnf');
  writeFileSync(
    cnf,
    [
      '[tsa]',
      'default_tsa = t',
      '[t]',
      `serial = ${dir}/serial`,
      'crypto_device = builtin',
      `signer_cert = ${cert}`,
      `certs = ${dir}/chain.pem`,
      `signer_key = ${key}`,
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.1',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  return cnf;
}

/**
 * Starts the TSA. `chainPem`: the CA certificates (PEM text) put in each
 * token after the TSA's own, so a verifier can build the path offline.
 */
export async function startTsa(ca: CaFiles, chainPem: string): Promise<TsaPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-tsa-'));
  const cnf = tsaFiles(dir, ca, chainPem);
  let answered = 0;
  let seq = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seq += 1;
      const query = join(dir, `q${String(seq)}.tsq`);
      const reply = join(dir, `r${String(seq)}.tsr`);
      writeFileSync(query, Buffer.concat(chunks));
      execFile(
        'openssl',
        ['ts', '-reply', '-config', cnf, '-queryfile', query, '-out', reply],
        (error) => {
          if (error !== null) {
            res.writeHead(500).end();
            return;
          }
          answered += 1;
          res
            .writeHead(200, { 'content-type': 'application/timestamp-reply' })
            .end(readFileSync(reply));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/tsa`,
    cert: join(dir, 'tsa.pem'),
    answered: () => answered,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
    restart: () =>
      new Promise<void>((resolve) => {
        server.listen(port, '127.0.0.1', resolve);
      }),
    remove: () => {
      server.closeAllConnections();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
