import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import HID from 'node-hid';
import { describe, expect, it } from 'vitest';
import { VirtualAuthenticator } from '../../../native/hid/ctap/virtual-authenticator';
import { toDeviceInfos } from '../../../native/hid/hid-device-info';
import { InProcessHidBridge } from '../../../native/hid/in-process-hid-bridge';
import { InProcessHidDevice } from '../../../native/hid/in-process-hid-device';
import { ExitCode, type CliIo } from '../cli-io';
import { createHidCommand } from './hid';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function kiosk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function captureIo(
  json: boolean,
): CliIo & { lines: string[]; results: unknown[]; errors: string[] } {
  const lines: string[] = [];
  const results: unknown[] = [];
  const errors: string[] = [];
  return {
    locale: 'vi',
    json,
    t: (vi) => vi,
    line: (t) => lines.push(t),
    result: (v) => results.push(v),
    error: (t) => errors.push(t),
    lines,
    results,
    errors,
  };
}

describe('kiosk hid', () => {
  it('`kiosk --json hid list` runs through real node-hid and lists what node-hid sees on this machine', () => {
    // Whatever is plugged in: the CLI's list is as long as node-hid's own enumeration.
    const seen = toDeviceInfos(HID.devices()).length;
    const run = kiosk('--json', 'hid', 'list');
    expect(run.status).toBe(ExitCode.ok);
    const out = JSON.parse(run.stdout) as { devices: unknown[]; fingerprintReaders: unknown[] };
    expect(out.devices).toHaveLength(seen);
    expect(Array.isArray(out.fingerprintReaders)).toBe(true);
  });

  it('`kiosk --json hid fido` prints an empty list, and the human output says why it is empty', () => {
    const json = kiosk('--json', 'hid', 'fido');
    expect(json.status).toBe(ExitCode.ok);
    expect(JSON.parse(json.stdout)).toEqual({ devices: [] });
    const human = kiosk('--lang', 'vi', 'hid', 'fido');
    expect(human.stdout).toContain('Không thấy khóa bảo mật FIDO nào');
  });

  it('`kiosk --json hid fido --virtual` prints the getInfo of the in-process authenticator', () => {
    const run = kiosk('--json', 'hid', 'fido', '--virtual');
    expect(run.status).toBe(ExitCode.ok);
    const out = JSON.parse(run.stdout) as {
      devices: { ok: boolean; info: { aaguid: string; versions: string[] } }[];
    };
    expect(out.devices[0]?.info.aaguid).toBe('f8a011f3-8c0a-4d15-8006-17111f9edc7d');
    expect(out.devices[0]?.info.versions).toContain('FIDO_2_0');
  });

  it('a key that does not answer is reported with a Vietnamese reason beside a working one, exit 1', async () => {
    const [good, silent] = toDeviceInfos([
      { vendorId: 0x1050, productId: 0x0402, path: 'virtual:good', usagePage: 0xf1d0, usage: 1 },
      { vendorId: 0x096e, productId: 0x0858, path: 'virtual:silent', usagePage: 0xf1d0, usage: 1 },
    ]);
    const bridge = new InProcessHidBridge([
      { info: good!, device: new VirtualAuthenticator('virtual:good').device },
      { info: silent!, device: new InProcessHidDevice('virtual:silent') },
    ]);
    const io = captureIo(false);
    const code = await createHidCommand(bridge).run(['fido'], io);
    expect(code).toBe(ExitCode.failed);
    expect(io.lines.join('\n')).toContain('AAGUID: f8a011f3-8c0a-4d15-8006-17111f9edc7d');
    expect(io.lines.join('\n')).toContain('Khóa bảo mật không trả lời kịp');
  }, 10_000);

  it('a wrong subcommand prints the usage and exits 2', async () => {
    const io = captureIo(false);
    expect(await createHidCommand(new InProcessHidBridge([])).run(['scan'], io)).toBe(
      ExitCode.usage,
    );
    expect(io.errors.join('\n')).toContain('kiosk hid list');
  });
});
