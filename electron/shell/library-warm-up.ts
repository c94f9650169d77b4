import { createRequire } from 'node:module';

/**
 * The npm libraries the core's modules import, loaded one at a time with a
 * turn of the event loop between them, before the composition root itself.
 * Importing the composition root alone would evaluate all of them in one
 * synchronous run of several seconds, during which the already-listening
 * shell could not answer the first page; loaded here first, each holds the
 * loop for at most its own share, and the composition root then finds them
 * in the module cache. A library missing from this list is simply loaded
 * with the composition root, as before.
 */
const require = createRequire(import.meta.url);

const libraries: readonly (() => unknown)[] = [
  () => import('zod'),
  () => import('better-sqlite3'),
  () => import('uuid'),
  () => import('asn1js'),
  () => import('pkijs'),
  // pdf-lib alone holds the loop longest; its CommonJS parts load one at a
  // time into the same module cache its index then reads from.
  () => require('pdf-lib/cjs/utils') as unknown,
  () => require('pdf-lib/cjs/core') as unknown,
  () => require('pdf-lib/cjs/api') as unknown,
  () => import('pdf-lib'),
  () => import('qrcode'),
  () => import('sharp'),
  () => import('pkcs11js'),
  () => import('@signpdf/signpdf'),
  () => import('fast-xml-parser'),
  () => import('cbor-x'),
  () => import('tesseract.js'),
];

/** Loads the libraries, waiting for `idle` (no page being answered) before each. */
export async function warmLibraries(idle: () => Promise<void>): Promise<void> {
  for (const load of libraries) {
    await idle();
    await load();
  }
  await idle();
}
