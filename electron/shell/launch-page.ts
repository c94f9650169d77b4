import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Folder of the data folder that holds launch pages while their code is pending. */
export const LAUNCH_FOLDER = 'launch';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The page the kiosk's browser is started with. Chromium's command line is
 * readable by every process of the machine (/proc/<pid>/cmdline), so it
 * carries only this file's file:// URL; the one-time launch code is inside
 * the file (0600 in a 0700 folder, so only the kiosk's user reads it), which
 * redirects to the shell's launch address. The file is removed as soon as
 * its code is spent or expires, and leftovers of a crashed run at start-up.
 */
export class LaunchPages {
  readonly #dir: string;
  readonly #files = new Map<string, string>();

  constructor(dataDir: string) {
    this.#dir = join(dataDir, LAUNCH_FOLDER);
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    // mkdir keeps the mode of a folder that already exists: enforce it.
    chmodSync(this.#dir, 0o700);
    for (const name of readdirSync(this.#dir)) rmSync(join(this.#dir, name), { force: true });
  }

  /** Writes the page that opens `target` for `code`; returns its file:// URL. */
  write(code: string, target: string): string {
    // A name of its own: the name is on the command line, the code must not be.
    const file = join(this.#dir, `${randomBytes(12).toString('hex')}.html`);
    const url = escapeAttribute(target);
    const html =
      '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8">' +
      '<meta name="referrer" content="no-referrer">' +
      `<meta http-equiv="refresh" content="0;url=${url}">` +
      '<title>Kiosk Một cửa</title></head>' +
      '<body><p>Đang mở kiosk… / Opening the kiosk…</p></body></html>\n';
    // 'wx': never follow or reuse a file someone else put there.
    writeFileSync(file, html, { mode: 0o600, flag: 'wx' });
    this.#files.set(code, file);
    return pathToFileURL(file).href;
  }

  /** The code was spent or expired: its page goes. */
  remove(code: string): void {
    const file = this.#files.get(code);
    if (file === undefined) return;
    this.#files.delete(code);
    rmSync(file, { force: true });
  }

  /** The shell stops: no page outlives it. */
  removeAll(): void {
    for (const code of [...this.#files.keys()]) this.remove(code);
  }
}
