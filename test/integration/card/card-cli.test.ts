import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCardPeer, type CardPeer } from './card-peer';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `kiosk …` as IT staff would, with a bounded time. */
function kiosk(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kiosk ${args.join(' ')} timed out`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('kiosk card (CLI) against the virtual CCCD', () => {
  let peer: CardPeer;
  beforeAll(async () => {
    peer = await startCardPeer();
    peer.bridge.stop();
  });
  afterAll(async () => {
    await (peer as CardPeer | undefined)?.close();
  });

  it('kiosk card read --doc --dob --expiry --trust --json prints a trusted record with every DG13 field', async () => {
    const access = peer.access;
    if (!('doc' in access)) throw new Error('unreachable');
    const run = await kiosk([
      '--json',
      'card',
      'read',
      '--doc',
      access.doc,
      '--dob',
      access.dob,
      '--expiry',
      access.expiry,
      '--trust',
      peer.trustDir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      citizen: Record<string, unknown>;
      passiveAuthentication: { status: string };
      counters: { apdus: number };
    };
    const person = peer.generated.person;
    expect(out.citizen.fullName).toBe(person.fullName.normalize('NFC'));
    expect(out.citizen.id).toBe(person.id);
    expect(out.citizen.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(out.passiveAuthentication.status).toBe('trusted');
    expect(out.counters.apdus).toBeGreaterThan(0);
  });

  it('kiosk card readers lists the virtual reader with its card', async () => {
    const run = await kiosk(['--lang', 'en', 'card', 'readers']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Virtual PCD 00 00: card present/);
  });

  it('kiosk card qr parses the printed QR into the same citizen record', async () => {
    const text =
      '001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|Số 1 Phố Giả Định, Hà Nội|10052021';
    const run = await kiosk(['--json', 'card', 'qr', text]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      citizen: { id: string; fullName: string; birthDate: string; source: string };
    };
    expect(out.citizen).toMatchObject({
      id: '001185012345',
      fullName: 'Nguyễn Thị Mai',
      birthDate: '1985-03-14',
      source: 'qr',
    });
  });

  it('kiosk card read with wrong data exits 4 with the Vietnamese message', async () => {
    const run = await kiosk([
      '--lang',
      'vi',
      'card',
      'read',
      '--mrz',
      'IDVNM1850123459001185012345<<0\n8503159F2503147VNM<<<<<<<<<<<0\nNGUYEN<<THI<MAI<<<<<<<<<<<<<<<',
    ]);
    expect([4]).toContain(run.code);
    expect(run.stderr).toMatch(/MRZ|chữ số kiểm tra|không khớp/);
  });
});
