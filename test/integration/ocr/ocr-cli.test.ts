import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { characterErrorRate } from '../../../electron/services/ocr/cer';
import { renderCardBack, syntheticHolders, td1Lines } from '../../fixtures/ocr/card-back';
import { renderPage, truthTexts } from '../../fixtures/ocr/vietnamese-pages';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kiosk-ocr-cli-'));

function kiosk(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['electron/cli/main.ts', ...args], {
      cwd: root,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const OcrJson = z.array(
  z.object({
    file: z.string(),
    text: z.string(),
    confidence: z.number(),
    ms: z.number(),
    dpi: z.number(),
  }),
);

describe('kiosk ocr / kiosk mrz', () => {
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('kiosk ocr --json gives one object per image in input order, and --pdf a searchable PDF', async () => {
    const texts = truthTexts();
    const files = [join(dir, 'b.png'), join(dir, 'a.png')];
    writeFileSync(files[0]!, await renderPage(texts[2]!.text, { noisy: true, seed: 5 }));
    writeFileSync(files[1]!, await renderPage(texts[1]!.text));
    const pdf = join(dir, 'out.pdf');
    const run = await kiosk(['--json', 'ocr', '--lang', 'vie+eng', '--pdf', pdf, ...files]);
    expect(run.code, run.stderr).toBe(0);
    const results = OcrJson.parse(JSON.parse(run.stdout));
    expect(results.map((r) => r.file)).toEqual(files);
    expect(characterErrorRate(results[0]!.text, texts[2]!.text)).toBeLessThan(0.04);
    expect(characterErrorRate(results[1]!.text, texts[1]!.text)).toBeLessThan(0.04);
    for (const r of results) expect(r.confidence).toBeGreaterThan(70);
    const extracted = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(extracted.status).toBe(0);
    expect(
      characterErrorRate(extracted.stdout, `${texts[2]!.text}\n${texts[1]!.text}`),
    ).toBeLessThan(0.04);
  }, 120_000);

  it('kiosk mrz --json reads the BAC fields from a card back', async () => {
    const [holder] = syntheticHolders(1, 99);
    const file = join(dir, 'card.png');
    writeFileSync(file, await renderCardBack(td1Lines(holder!), { noisy: true, seed: 4 }));
    const run = await kiosk(['mrz', file, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      documentNumber: holder!.personalId.slice(3),
      personalId: holder!.personalId,
      birthDate: holder!.birthDate,
      expiryDate: holder!.expiryDate,
    });
  }, 120_000);

  it('--dpi hands the page over at that resolution; outside 70-600 it is a usage error', async () => {
    const file = join(dir, 'dpi.png');
    writeFileSync(file, await renderPage(truthTexts()[0]!.text));
    const run = await kiosk(['--json', 'ocr', '--dpi', '300', file]);
    expect(run.code, run.stderr).toBe(0);
    const [result] = OcrJson.parse(JSON.parse(run.stdout));
    expect(result?.dpi).toBe(300);
    const refused = await kiosk(['ocr', '--dpi', '50', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Độ phân giải (--dpi) phải là số nguyên từ 70 đến 600');
  }, 120_000);

  it('a missing file is a bad-input exit with a Vietnamese message first', async () => {
    const run = await kiosk(['ocr', join(dir, 'missing.png')]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('Không đọc được tệp');
  }, 60_000);
});
