/**
 * `npm run portal-sim -- --port N [--faults RATE] [--fault-kinds a,b] [--data DIR | --memory]
 * [--seed N] [--user U --password P] [--session-ttl S] [--retention-days N]`: the training portal in its own
 * process. Prints one line `portal-sim listening on http://127.0.0.1:PORT` when ready (tests parse it)
 * and stops cleanly on SIGTERM/SIGINT. The `/__sim/` control routes need the secret the parent puts
 * in KIOSK_SIM_CONTROL_SECRET (never printed); without it a random one makes them unusable.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { faultKinds, optInFaultKinds, type FaultKind } from './fault-plan';
import { SIM_CONTROL_ENV } from './sim-guard';
import { DEFAULT_SIM_PASSWORD, DEFAULT_SIM_USER, startPortalSim } from './portal-sim-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8790' },
    faults: { type: 'string', default: '0' },
    data: { type: 'string' },
    memory: { type: 'boolean', default: false },
    seed: { type: 'string' },
    'fault-kinds': { type: 'string' },
    user: { type: 'string', default: DEFAULT_SIM_USER },
    password: { type: 'string', default: DEFAULT_SIM_PASSWORD },
    'session-ttl': { type: 'string', default: '1800' },
    'retention-days': { type: 'string' },
  },
  strict: true,
});

const port = Number(values.port);
const faults = Number(values.faults);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !(faults >= 0 && faults <= 1)) {
  process.stderr.write(
    'Tham số không hợp lệ: --port phải là số cổng, --faults trong khoảng 0..1.\n' +
      'Invalid arguments: --port must be a port number, --faults within 0..1.\n',
  );
  process.exit(2);
}

const retentionDays =
  values['retention-days'] === undefined ? undefined : Number(values['retention-days']);
const secret = process.env[SIM_CONTROL_ENV];
if (
  (retentionDays !== undefined && !(Number.isInteger(retentionDays) && retentionDays >= 1)) ||
  (secret !== undefined && secret.length < 32)
) {
  process.stderr.write(
    `Tham số không hợp lệ: --retention-days phải là số ngày ≥ 1, ${SIM_CONTROL_ENV} dài ít nhất 32 ký tự.\n` +
      `Invalid arguments: --retention-days must be ≥ 1 days, ${SIM_CONTROL_ENV} at least 32 characters.\n`,
  );
  process.exit(2);
}
// The secret must not be inherited by anything this process might start.
Reflect.deleteProperty(process.env, SIM_CONTROL_ENV);

const kinds = values['fault-kinds']?.split(',').map((k) => k.trim());
const known: readonly string[] = [...faultKinds, ...optInFaultKinds];
const unknownKind = kinds?.find((k) => !known.includes(k));
if (unknownKind !== undefined) {
  process.stderr.write(
    `Loại lỗi không có: "${unknownKind}". Có: ${known.join(', ')}.\n` +
      `Unknown fault kind "${unknownKind}". Known: ${known.join(', ')}.\n`,
  );
  process.exit(2);
}

const sim = await startPortalSim({
  port,
  faults,
  dataDir: values.memory ? null : (values.data ?? join(tmpdir(), 'kiosk-portal-sim')),
  username: values.user,
  password: values.password,
  sessionTtlMs: Number(values['session-ttl']) * 1000,
  ...(secret === undefined ? {} : { controlSecret: secret }),
  ...(retentionDays === undefined ? {} : { retentionMs: retentionDays * 24 * 3600_000 }),
  ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  ...(kinds === undefined ? {} : { faultKinds: kinds as FaultKind[] }),
});
process.stdout.write(`portal-sim listening on ${sim.url}\n`);

const stop = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
