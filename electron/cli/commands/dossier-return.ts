/**
 * `kiosk dossier return CODE --result FILE.pdf [--result …] [--name TEXT]
 * [--receiver-id N | --by-post [--address TEXT]] [--offline-in-hand]
 * [--staff NAME] [--slip FILE.pdf]`: hands a result back from the command
 * line. Asks the portal first when it is configured; exit 4 with the reason
 * when the dossier is unknown, not finished or already returned. Results are
 * signed with the token `signing.*` names (PIN from KIOSK_SIGNING_PIN);
 * without a token they are recorded "chưa ký số".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { isCitizenId, typedCitizen, type CitizenWire } from '../../api/contract/citizen';
import { KioskError } from '../../api/errors';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { PortalClient } from '../../services/portal/portal-client';
import { PortalConfigSchema } from '../../services/portal/portal-config';
import { portalSettings } from '../../services/portal/portal-settings';
import type { Receiver } from '../../services/returns/receiver-check';
import { ReturnError } from '../../services/returns/return-error';
import { ReturnService } from '../../services/returns/return-service';
import { openResultSigner } from '../../services/returns/token-result-signer';
import { SigningError } from '../../services/signing/signing-errors';
import { tokenSignerSettings } from '../../services/signing/token-signer';
import { StoreError } from '../../services/store/store-error';
import { ExitCode, type CliIo } from '../cli-io';
import { reportSigningError } from './signing-cli';
import { openKioskStore } from '../../services/kiosk-store';

const usage = {
  vi: 'Cách dùng: kiosk dossier return MÃ-HỒ-SƠ --result TỆP.pdf [--name "Tên kết quả"] (--receiver-id SỐ-ĐỊNH-DANH | --by-post [--address "Địa chỉ"]) [--offline-in-hand] [--staff "Họ tên"] [--slip PHIẾU.pdf]',
  en: 'Usage: kiosk dossier return CODE --result FILE.pdf [--name "Result name"] (--receiver-id ID | --by-post [--address "Address"]) [--offline-in-hand] [--staff "Name"] [--slip SLIP.pdf]',
};

/** The applicant identified by an ID number the clerk typed (no chip read from the CLI). */
function typedReceiver(id: string): CitizenWire {
  return typedCitizen({ id, fullName: '(nhập tay)', birthDate: '1900-01-01' });
}

export async function runReturn(args: readonly string[], io: CliIo): Promise<ExitCode> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        result: { type: 'string', multiple: true },
        name: { type: 'string', multiple: true },
        'receiver-id': { type: 'string' },
        'by-post': { type: 'boolean', default: false },
        address: { type: 'string' },
        'offline-in-hand': { type: 'boolean', default: false },
        staff: { type: 'string' },
        slip: { type: 'string' },
      },
    }));
  } catch {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  const code = positionals[0];
  const files = values.result ?? [];
  const receiverId = values['receiver-id'];
  if (
    code === undefined ||
    files.length === 0 ||
    (receiverId === undefined) === !values['by-post']
  ) {
    io.error(io.t(usage.vi, usage.en));
    return ExitCode.usage;
  }
  if (receiverId !== undefined && !isCitizenId(receiverId)) {
    io.error(
      io.t(
        '--receiver-id phải là số định danh cá nhân 12 chữ số.',
        '--receiver-id must be a 12-digit personal ID number.',
      ),
    );
    return ExitCode.badInput;
  }
  const dataDir = resolveDataDir(process.env);
  const { config } = loadConfig(dataDir);
  const settings = PortalConfigSchema.safeParse(portalSettings(config, process.env));
  const store = openKioskStore(dataDir, config, process.env);
  let signing: ReturnType<typeof openResultSigner> = null;
  try {
    signing = openResultSigner(
      tokenSignerSettings(config, process.env),
      process.env.KIOSK_SIGNING_PIN,
      config.receipt.place,
    );
    const results = files.map((file, i) => ({
      name: values.name?.[i] ?? `Kết quả ${String(i + 1)}`,
      pdf: readFileSync(file),
    }));
    const receiver: Receiver =
      receiverId === undefined
        ? { kind: 'post', address: values.address ?? null }
        : { kind: 'applicant', citizen: typedReceiver(receiverId) };
    const service = new ReturnService({
      store,
      portal: settings.success ? new PortalClient(settings.data) : null,
      signer: signing?.signer ?? null,
      forms: {
        agencyName: config.agency.name,
        unitName: `Bộ phận tiếp nhận và trả kết quả – ${config.agency.name}`,
        place: config.receipt.place,
        phone: config.receipt.phone,
        training: config.portal.trainingMode,
      },
    });
    const outcome = await service.returnResult(
      {
        codeOrQr: code,
        results,
        receiver,
        lastChipRead: null,
        offlineInHand: values['offline-in-hand'],
        staff: { name: values.staff ?? userInfo().username },
      },
      `cli:${userInfo().username}`,
    );
    if (values.slip !== undefined) writeFileSync(values.slip, outcome.slipPdf);
    io.line(
      io.t(
        `Đã trả kết quả hồ sơ ${outcome.code}; cập nhật trạng thái 10 đang chờ gửi lên Cổng${outcome.signed ? '' : ' (kết quả chưa ký số)'}.`,
        `Returned ${outcome.code}; status 10 is queued for the portal${outcome.signed ? '' : ' (result not digitally signed)'}.`,
      ),
    );
    io.result({
      code: outcome.code,
      returnedAt: outcome.returnedAt,
      signed: outcome.signed,
      offlineInHand: outcome.offlineInHand,
      portalStatusSeen: outcome.portalStatusSeen,
    });
    return ExitCode.ok;
  } catch (error) {
    // Before the generic KioskError branch: a signing failure is a KioskError too.
    if (error instanceof SigningError) return reportSigningError(io, error);
    if (error instanceof ReturnError || error instanceof StoreError) {
      io.error(io.t(error.vi, error.message));
      io.result({ error: { code: error.code, message: error.message } });
      return ExitCode.badInput;
    }
    if (error instanceof KioskError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.error(
        io.t(`Không đọc được tệp kết quả: ${String(error)}`, `Cannot read: ${String(error)}`),
      );
      return ExitCode.badInput;
    }
    throw error;
  } finally {
    await signing?.close();
    store.close();
  }
}
