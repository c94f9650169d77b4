import { resolveDataDir } from '../../services/config/config-file';
import { checkConfig } from '../../services/health/config-probe';
import { runProbes, type HealthCheck } from '../../services/health/health-check';
import { systemProbes } from '../../services/health/system-probes';
import { createTicketPrinterProbe } from '../../services/ticket-printer/ticket-printer-probe';
import { ExitCode } from '../cli-io';
import type { CliCommand } from '../command';

const mark: Record<HealthCheck['status'], string> = { ok: '✔', warn: '!', fail: '✘', unknown: '?' };

/** `kiosk doctor`: every check IT staff need before a kiosk goes live, each with its fix. */
export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: {
    vi: 'Kiểm tra máy kiosk và chỉ cách sửa',
    en: 'Check this kiosk and say how to fix it',
  },
  async run(_args, io) {
    const dataDir = resolveDataDir(process.env);
    const { check: configCheck, loaded } = checkConfig(dataDir);
    const portal = loaded?.config.portal;
    const portalUrl = process.env.KIOSK_PORTAL_URL ?? portal?.url;
    const probes = systemProbes(
      loaded ? dataDir : '/',
      portalUrl ? { url: portalUrl, trainingMode: portal?.trainingMode ?? true } : undefined,
    );
    const ticketPrinter = loaded ? createTicketPrinterProbe(loaded.config.ticketPrinter) : null;
    if (ticketPrinter !== null) probes.push(ticketPrinter);
    const checks = [configCheck, ...(await runProbes(probes))];
    const failed = checks.filter((c) => c.status === 'fail').length;
    io.result({ ok: failed === 0, dataDir, checks });
    for (const check of checks) {
      io.line(`${mark[check.status]} ${check.id.padEnd(22)} ${check.detail}`);
      if (check.fix && check.status !== 'ok') io.line(`  → ${io.t(check.fix.vi, check.fix.en)}`);
    }
    io.line(
      failed === 0
        ? io.t('Mọi kiểm tra đều đạt.', 'All checks passed.')
        : io.t(
            `${failed} kiểm tra không đạt: làm theo hướng dẫn (→) ở trên.`,
            `${failed} check(s) failed: follow the fixes (→) above.`,
          ),
    );
    return failed === 0 ? ExitCode.ok : ExitCode.failed;
  },
};
