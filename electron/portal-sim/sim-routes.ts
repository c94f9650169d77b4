/**
 * The wire contract of issue 4, answered from the simulator's store. Each
 * handler gets the raw request and returns a {@link Reply}; the HTTP plumbing
 * (and fault injection) lives in portal-sim-server.ts.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { checkBatch, SimErrorCode } from './dossier-rules';
import { progressRoute } from './sim-progress-route';
import type { SimStore } from './sim-store';
import { SURVEY_SERVICE } from '../services/portal-contract/danh-gia-hai-long';

export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: Buffer | string | Record<string, unknown>;
}

export interface SimRouteOptions {
  readonly username: string;
  readonly password: string;
  readonly sessionTtlMs: number;
  readonly now: () => number;
}

const AuthBody = z.object({ username: z.string(), password: z.string() });
const Envelope = z.object({
  session: z.string().min(1),
  madonvi: z.string().min(1),
  service: z.string().min(1),
});
const LookupBody = z.object({ mahoso: z.string().min(1) });
const SyncBody = z.object({ isUpdating: z.enum(['True', 'False']), data: z.unknown() });
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/i);

const fail = (status: number, code: number, message: string): Reply => ({
  status,
  body: { error_code: code, message },
});
const unauthorized = (): Reply =>
  fail(
    401,
    SimErrorCode.unauthorized,
    'Phiên làm việc không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.',
  );

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export class SimRoutes {
  readonly #store: SimStore;
  readonly #opts: SimRouteOptions;
  /** Origin the file links point at, e.g. http://127.0.0.1:8080; set once listening. */
  origin = '';

  constructor(store: SimStore, opts: SimRouteOptions) {
    this.#store = store;
    this.#opts = opts;
  }

  /** The session token a request carries, for the expired-session fault. */
  sessionOf(
    headers: Readonly<Record<string, string | string[] | undefined>>,
    raw: Buffer,
  ): string | null {
    const header = headers['x-session'];
    if (typeof header === 'string') return header;
    const body = parseJson(raw);
    const parsed = z.object({ session: z.string() }).safeParse(body);
    return parsed.success ? parsed.data.session : null;
  }

  auth(raw: Buffer): Reply {
    const body = AuthBody.safeParse(parseJson(raw));
    if (!body.success) return fail(400, SimErrorCode.badRequest, 'Cần username và password.');
    if (body.data.username !== this.#opts.username || body.data.password !== this.#opts.password) {
      return fail(401, SimErrorCode.unauthorized, 'Sai tên đăng nhập hoặc mật khẩu.');
    }
    const session = this.#store.openSession(this.#opts.sessionTtlMs, this.#opts.now());
    return { status: 200, body: { error_code: 0, session } };
  }

  async files(
    headers: Readonly<Record<string, string | string[] | undefined>>,
    raw: Buffer,
  ): Promise<Reply> {
    const session = headers['x-session'];
    if (typeof session !== 'string' || !this.#store.sessionValid(session, this.#opts.now()))
      return unauthorized();
    const contentType = headers['content-type'];
    if (typeof contentType !== 'string' || !contentType.startsWith('multipart/form-data')) {
      return fail(
        400,
        SimErrorCode.badRequest,
        'Cần gửi multipart/form-data với trường sha256 và file.',
      );
    }
    let form: FormData;
    try {
      const request = new Request('http://sim.invalid/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: raw,
      });
      // The body is already read and capped at 64 MB by the server, so the whole-body parser is fine here.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      form = await request.formData();
    } catch {
      return fail(400, SimErrorCode.badRequest, 'Không đọc được nội dung multipart.');
    }
    const sha = Sha256Hex.safeParse(form.get('sha256'));
    const file = form.get('file');
    if (!sha.success || !(file instanceof Blob)) {
      return fail(
        400,
        SimErrorCode.badRequest,
        'Thiếu trường sha256 (hex 64 ký tự) hoặc trường file.',
      );
    }
    const bytes = Buffer.from(await file.arrayBuffer());
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha.data.toLowerCase()) {
      return fail(
        400,
        SimErrorCode.hashMismatch,
        'Mã băm SHA-256 không khớp với nội dung tệp; hãy tải lên lại.',
      );
    }
    const name = file instanceof File ? file.name : 'file';
    const mime = file.type === '' ? 'application/octet-stream' : file.type;
    const stored = this.#store.putFile(actual, mime, name, bytes, this.#opts.now());
    return {
      status: 200,
      body: {
        error_code: 0,
        id: stored.id,
        sha256: stored.sha256,
        url: `${this.origin}/files/${stored.id}`,
      },
    };
  }

  /** Attachments are personal data: the same portal session as the data API is required. */
  fileBytes(headers: Readonly<Record<string, string | string[] | undefined>>, id: string): Reply {
    const session = headers['x-session'];
    if (typeof session !== 'string' || !this.#store.sessionValid(session, this.#opts.now()))
      return unauthorized();
    const file = this.#store.fileById(id);
    if (file === undefined) return fail(404, SimErrorCode.badRequest, 'Không có tệp này.');
    return { status: 200, headers: { 'content-type': file.mime }, body: file.bytes };
  }

  integration(raw: Buffer): Reply {
    const body = parseJson(raw);
    const envelope = Envelope.safeParse(body);
    if (!envelope.success) {
      return fail(
        400,
        SimErrorCode.badRequest,
        'Thiếu session, madonvi hoặc service trong yêu cầu.',
      );
    }
    if (!this.#store.sessionValid(envelope.data.session, this.#opts.now())) return unauthorized();
    switch (envelope.data.service) {
      case 'TraCuuHoSo': {
        const q = LookupBody.safeParse(body);
        if (!q.success) return fail(400, SimErrorCode.badRequest, 'TraCuuHoSo cần trường mahoso.');
        const found = this.#store.dossier(q.data.mahoso);
        return { status: 200, body: { error_code: 0, result: found === undefined ? [] : [found] } };
      }
      case 'DongBoHoSoMC':
        return this.#sync(body);
      case 'CapNhatTienDoHoSoMC':
        return progressRoute(this.#store, body, this.#opts.now());
      case SURVEY_SERVICE:
        return this.#store.surveys.route(body, this.#opts.now());
      default:
        return fail(
          400,
          SimErrorCode.badRequest,
          `Dịch vụ "${envelope.data.service.slice(0, 60)}" không được hỗ trợ.`,
        );
    }
  }

  #sync(body: unknown): Reply {
    const req = SyncBody.safeParse(body);
    if (!req.success)
      return fail(
        400,
        SimErrorCode.badRequest,
        'DongBoHoSoMC cần isUpdating ("True"/"False") và data.',
      );
    const batch = checkBatch(req.data.data);
    if (!batch.ok) return fail(422, SimErrorCode.invalidDossier, batch.message);
    for (const d of batch.dossiers) {
      for (const doc of d.TaiLieuNop ?? []) {
        if (doc.IsDeleted === 'False' && !this.#linkResolves(doc.DuongDanTaiTepTin)) {
          return fail(
            422,
            SimErrorCode.missingAttachment,
            `Hồ sơ ${d.MaHoSo}: tệp "${doc.TenTepDinhKem}" chưa có trong kho tài liệu; hãy tải tệp lên trước.`,
          );
        }
      }
    }
    for (const d of batch.dossiers) {
      for (const doc of d.DanhSachGiayToKetQua ?? []) {
        if (!this.#linkResolves(doc.DuongDanTepTinKetQua)) {
          this.#store.bump('resultLinksMissing');
          return fail(
            422,
            SimErrorCode.missingAttachment,
            `Hồ sơ ${d.MaHoSo}: tệp kết quả "${doc.TenGiayTo}" chưa có trong kho tài liệu; hãy tải tệp lên trước.`,
          );
        }
      }
    }
    const outcome = this.#store.saveDossiers(
      batch.dossiers,
      req.data.isUpdating === 'True',
      this.#opts.now(),
    );
    if (outcome.ok) {
      const source = req.data.isUpdating === 'True' ? 'update' : 'create';
      for (const d of batch.dossiers) {
        this.#store.statusLog.status(d.MaHoSo, d.TrangThaiHoSo, source, this.#opts.now());
      }
      return { status: 200, body: { error_code: 0 } };
    }
    return outcome.reason === 'duplicate'
      ? fail(
          409,
          SimErrorCode.duplicate,
          `Hồ sơ ${outcome.maHoSo} đã tồn tại trên Cổng; hãy gửi cập nhật (isUpdating "True").`,
        )
      : fail(
          404,
          SimErrorCode.unknownDossier,
          `Hồ sơ ${outcome.maHoSo} chưa có trên Cổng; không thể cập nhật.`,
        );
  }

  /** A link into this simulator's file store must name a stored file; other hosts are not checked. */
  #linkResolves(link: string): boolean {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      return false;
    }
    if (url.origin !== this.origin) return true;
    const m = /^\/files\/([\w-]+)$/.exec(url.pathname);
    return m?.[1] !== undefined && this.#store.fileById(m[1]) !== undefined;
  }
}
