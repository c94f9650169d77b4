import { readFileSync } from 'node:fs';

/**
 * Reads a secret (a staff password) without showing it. On a terminal the
 * prompt goes to stderr and nothing typed is echoed (raw mode; Backspace
 * edits, Ctrl-C cancels); piped input gives its first line, as scripts and
 * the tests pass it.
 * @returns undefined when the person cancelled with Ctrl-C or Ctrl-D.
 */
export async function readSecret(prompt: string): Promise<string | undefined> {
  const input = process.stdin;
  if (!input.isTTY) return readFileSync(0, 'utf8').split('\n')[0]?.replace(/\r$/, '') ?? '';
  // Echo goes off before the prompt shows, so nothing typed after it can echo.
  input.setRawMode(true);
  process.stderr.write(prompt);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string | undefined>((resolve) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') {
            finish(typed);
            return;
          }
          if (ch === '\u0003' || ch === '\u0004') {
            finish(undefined);
            return;
          }
          if (ch === '\u007f' || ch === '\b') typed = Array.from(typed).slice(0, -1).join('');
          else if (ch >= ' ') typed += ch;
        }
      };
      const finish = (value: string | undefined) => {
        input.off('data', onData);
        resolve(value?.normalize('NFC'));
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}
