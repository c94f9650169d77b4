/**
 * Real peers for the signing tests, made fresh in a temp folder: a CA chain
 * made with openssl, a SoftHSM2 token (softhsm2-util, pkcs11-tool) holding the
 * signer's key, and an NSS database (certutil) for poppler's pdfsig.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOFTHSM_MODULE =
  ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find(
    (p) => existsSync(p),
  ) ?? '/usr/lib/softhsm/libsofthsm2.so';

export const PIN = '246810';
const SO_PIN = '13579246';

const run = (cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): string =>
  execFileSync(cmd, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });

export interface Identity {
  readonly key: string;
  readonly cert: string;
  readonly certDer: string;
  readonly keyDer: string;
  readonly p12: string;
}

export interface Pki {
  readonly dir: string;
  readonly root: string;
  readonly intermediate: string;
  /** The intermediate then the root, PEM: what `signing.chainFile` names. */
  readonly chainFile: string;
  /** A folder with only the root: what `signing.trustDir` / `--trust` names. */
  readonly trustDir: string;
  readonly signer: Identity;
  readonly expiredSigner: Identity;
  readonly noNonRepudiation: Identity;
  /** Signed by a root with the same names as ours but another key. */
  readonly lookAlikeSigner: Identity;
  readonly lookAlikeChainFile: string;
}

export const SIGNER_EXT =
  'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';
const CA_EXT =
  'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';

function newKey(path: string): void {
  run('openssl', [
    'genpkey',
    '-algorithm',
    'RSA',
    '-pkeyopt',
    'rsa_keygen_bits:2048',
    '-out',
    path,
  ]);
}

export function issue(
  dir: string,
  name: string,
  subject: string,
  ca: { cert: string; key: string } | null,
  ext: string,
  dates?: { start: string; end: string },
): Identity {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  newKey(key);
  const extFile = join(dir, `${name}.ext`);
  writeFileSync(extFile, ext);
  if (ca === null) {
    run('openssl', [
      'req',
      '-x509',
      '-new',
      '-key',
      key,
      '-subj',
      subject,
      '-utf8',
      '-days',
      '3650',
      '-out',
      cert,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
  } else {
    const csr = join(dir, `${name}.csr`);
    run('openssl', ['req', '-new', '-key', key, '-subj', subject, '-utf8', '-out', csr]);
    if (dates === undefined) {
      run('openssl', [
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
        '730',
        '-sha256',
        '-extfile',
        extFile,
        '-out',
        cert,
      ]);
    } else {
      // `openssl x509` cannot back-date; `openssl ca` can.
      const caDir = join(dir, `${name}-ca`);
      mkdirSync(caDir);
      writeFileSync(join(caDir, 'index.txt'), '');
      writeFileSync(join(caDir, 'serial'), '1000\n');
      const cnf = join(caDir, 'ca.cnf');
      writeFileSync(
        cnf,
        `[ca]\ndefault_ca=t\n[t]\ndatabase=${caDir}/index.txt\nserial=${caDir}/serial\nnew_certs_dir=${caDir}\ndefault_md=sha256\npolicy=p\nunique_subject=no\ncopy_extensions=none\nutf8=yes\n[p]\ncommonName=supplied\norganizationName=optional\ncountryName=optional\n[x]\n${ext}`,
      );
      run('openssl', [
        'ca',
        '-batch',
        '-config',
        cnf,
        '-extensions',
        'x',
        '-startdate',
        dates.start,
        '-enddate',
        dates.end,
        '-cert',
        ca.cert,
        '-keyfile',
        ca.key,
        '-in',
        csr,
        '-out',
        cert,
        '-notext',
      ]);
    }
  }
  const certDer = join(dir, `${name}.cer`);
  run('openssl', ['x509', '-in', cert, '-outform', 'DER', '-out', certDer]);
  const keyDer = join(dir, `${name}.key.der`);
  run('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', key, '-outform', 'DER', '-out', keyDer]);
  const p12 = join(dir, `${name}.p12`);
  run('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    key,
    '-in',
    cert,
    '-name',
    name,
    '-passout',
    'pass:',
    '-out',
    p12,
  ]);
  return { key, cert, certDer, keyDer, p12 };
}

export function makePki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-signing-pki-'));
  const rootSubject = '/C=VN/O=Kiosk Test CA/CN=Kiosk Test Root CA';
  const root = issue(dir, 'root', rootSubject, null, CA_EXT);
  const inter = issue(
    dir,
    'intermediate',
    '/C=VN/O=Kiosk Test CA/CN=Kiosk Test Issuing CA',
    root,
    CA_EXT,
  );
  const signerSubject = '/C=VN/O=UBND xã Bình Sơn/CN=Nguyễn Văn An';
  const signer = issue(dir, 'signer', signerSubject, inter, SIGNER_EXT);
  const expiredSigner = issue(dir, 'expired', signerSubject, inter, SIGNER_EXT, {
    start: '20200101000000Z',
    end: '20210101000000Z',
  });
  const noNonRepudiation = issue(
    dir,
    'nonr',
    signerSubject,
    inter,
    SIGNER_EXT.replace('digitalSignature,nonRepudiation', 'digitalSignature'),
  );
  const fakeRoot = issue(dir, 'fake-root', rootSubject, null, CA_EXT);
  const fakeInter = issue(
    dir,
    'fake-intermediate',
    '/C=VN/O=Kiosk Test CA/CN=Kiosk Test Issuing CA',
    fakeRoot,
    CA_EXT,
  );
  const lookAlikeSigner = issue(dir, 'lookalike', signerSubject, fakeInter, SIGNER_EXT);
  const chainFile = join(dir, 'chain.pem');
  writeFileSync(chainFile, readFileSync(inter.cert, 'utf8') + readFileSync(root.cert, 'utf8'));
  const lookAlikeChainFile = join(dir, 'fake-chain.pem');
  writeFileSync(
    lookAlikeChainFile,
    readFileSync(fakeInter.cert, 'utf8') + readFileSync(fakeRoot.cert, 'utf8'),
  );
  const trustDir = join(dir, 'trust');
  mkdirSync(trustDir);
  writeFileSync(join(trustDir, 'root.pem'), readFileSync(root.cert));
  return {
    dir,
    root: root.cert,
    intermediate: inter.cert,
    chainFile,
    trustDir,
    signer,
    expiredSigner,
    noNonRepudiation,
    lookAlikeSigner,
    lookAlikeChainFile,
  };
}

export interface SoftToken {
  readonly dir: string;
  readonly label: string;
  /** Environment for our code and the tools: SOFTHSM2_CONF points at this token only. */
  readonly env: NodeJS.ProcessEnv;
  readonly module: string;
  /** Sets SoftHSM's stored token flags (it never counts tries itself): the state a real token reaches. */
  setUserPinFlags(flags: { countLow?: boolean; finalTry?: boolean; locked?: boolean }): void;
  remove(): void;
}

/** A SoftHSM2 token in its own SOFTHSM2_CONF with `identity`'s key and certificate under CKA_ID 01. */
export function makeToken(
  identity: Identity,
  extraCerts: readonly string[] = [],
  label = 'Kiosk Test Token',
): SoftToken {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-softhsm-'));
  mkdirSync(join(dir, 'tokens'));
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${dir}/tokens\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  run(
    'softhsm2-util',
    ['--init-token', '--free', '--label', label, '--pin', PIN, '--so-pin', SO_PIN],
    env,
  );
  const tool = (args: readonly string[]): string =>
    run(
      'pkcs11-tool',
      ['--module', SOFTHSM_MODULE, '--token-label', label, '--login', '--pin', PIN, ...args],
      env,
    );
  tool([
    '--write-object',
    identity.keyDer,
    '--type',
    'privkey',
    '--id',
    '01',
    '--label',
    'signer',
    '--usage-sign',
  ]);
  tool(['--write-object', identity.certDer, '--type', 'cert', '--id', '01', '--label', 'signer']);
  extraCerts.forEach((pem, i) => {
    const der = join(dir, `extra-${String(i)}.cer`);
    run('openssl', ['x509', '-in', pem, '-outform', 'DER', '-out', der]);
    tool([
      '--write-object',
      der,
      '--type',
      'cert',
      '--id',
      `a${String(i)}`,
      '--label',
      `ca-${String(i)}`,
    ]);
  });
  return {
    dir,
    label,
    env,
    module: SOFTHSM_MODULE,
    setUserPinFlags(flags) {
      // token.object stores attributes as (type u64, kind u64, value); CKA_OS_TOKENFLAGS is 0x8000534b, a u64.
      const path = run('sh', ['-c', `ls ${dir}/tokens/*/token.object`]).trim();
      const bytes = readFileSync(path);
      const tag = Buffer.from('000000008000534b0000000000000002', 'hex');
      const at = bytes.indexOf(tag);
      if (at < 0) throw new Error('SoftHSM token flags not found');
      const valueAt = at + tag.length;
      let value = bytes.readBigUInt64BE(valueAt);
      const bits = { countLow: 0x10000n, finalTry: 0x20000n, locked: 0x40000n } as const;
      for (const [name, bit] of Object.entries(bits) as [keyof typeof bits, bigint][]) {
        const want = flags[name];
        if (want === true) value |= bit;
        if (want === false) value &= ~bit;
      }
      bytes.writeBigUInt64BE(value, valueAt);
      writeFileSync(path, bytes);
    },
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An NSS database trusting `rootPem` (for pdfsig), optionally holding `signerP12` for -add-signature. */
export function makeNssDb(rootPem: string, signerP12?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-nss-'));
  run('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  run('certutil', [
    '-A',
    '-d',
    `sql:${dir}`,
    '-n',
    'kiosk-test-root',
    '-t',
    'CT,C,C',
    '-i',
    rootPem,
  ]);
  if (signerP12 !== undefined)
    run('pk12util', ['-i', signerP12, '-d', `sql:${dir}`, '-W', '', '-K', '']);
  return dir;
}

/**
 * pdfsig's report (it exits non-zero for unsigned or invalid files, so output is read either way).
 * Without -no-ocsp: poppler 22.12 then validates with NSS's "OCSP disabled" revocation policy,
 * which ends in "Unknown issue with Certificate" for any chain, trusted or not. OCSP stays
 * offline anyway: the test certificates name no responder (no AIA), so NSS asks nobody.
 */
export function pdfsig(file: string, nssDir: string): string {
  try {
    return run('pdfsig', ['-nssdir', `sql:${nssDir}`, file]);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}
