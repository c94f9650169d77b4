// Records which source files a build read (their size, mtime and SHA-256),
// so `npm start` and the `kiosk` bin can tell in a few milliseconds whether
// dist/ still matches the sources. A file whose mtime changed but whose
// content did not (a git checkout) still counts as unchanged.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
/** @param {string} base */
const stampDir = (base) => join(base, 'dist', '.stamps');

/** @typedef {{ size: number, mtimeMs: number, sha256: string }} FileStamp */

/** @param {string} file */
function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Writes the stamp of build `name` from the files it read (paths relative to
 * the repository root; files outside it or missing are left out).
 * @param {string} name
 * @param {Iterable<string>} inputs
 * @param {string} [base] the repository root (tests use a temporary one)
 */
export function writeStamp(name, inputs, base = root) {
  /** @type {Record<string, FileStamp>} */
  const files = {};
  for (const rel of [...new Set(inputs)].sort()) {
    if (rel.startsWith('..') || rel.startsWith('/')) continue;
    const file = join(base, rel);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile()) continue;
    files[rel] = { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(file) };
  }
  mkdirSync(stampDir(base), { recursive: true });
  writeFileSync(join(stampDir(base), `${name}.json`), JSON.stringify({ files }));
}

/**
 * 'fresh' when every file build `name` read is as it was, 'stale' when one
 * changed or went away, 'missing' when that build never ran here.
 * @param {string} name
 * @param {string} [base] the repository root (tests use a temporary one)
 * @returns {'fresh' | 'stale' | 'missing'}
 */
export function stampState(name, base = root) {
  /** @type {{ files: Record<string, FileStamp> }} */
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(stampDir(base), `${name}.json`), 'utf8'));
  } catch {
    return 'missing';
  }
  for (const [rel, was] of Object.entries(stamp.files)) {
    const file = join(base, rel);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat === undefined) return 'stale';
    if (stat.size === was.size && stat.mtimeMs === was.mtimeMs) continue;
    if (stat.size !== was.size || sha256(file) !== was.sha256) return 'stale';
  }
  return 'fresh';
}
