/**
 * The portal client: login, re-login on 401, one bounded timeout per call,
 * every answer parsed with zod and every failure classified as a PortalError
 * (see portal-error.ts). Speaks the issue-4 wire contract to any server.
 */
import { z } from 'zod';
import { PortalConfigSchema, type PortalConfig, type PortalConfigInput } from './portal-config';
import { PortalError, parseRetryAfter } from './portal-error';
import type { Portal, UploadedFile, UploadRequest } from './portal';
import type { SurveyPortal } from './survey-portal';
import { SURVEY_SERVICE, type DanhGiaHaiLong } from '../portal-contract/danh-gia-hai-long';

/** `error_code` 0 means success; clients in the field also see the string "00" (portal.md §1.6). */
const ErrorCode = z.union([z.number(), z.string()]).transform(String);
const isSuccess = (code: string): boolean => /^0+$/.test(code);

const Envelope = z.looseObject({ error_code: ErrorCode, message: z.string().optional() });
const AuthAnswer = z.object({ session: z.string().min(1) });
const FileAnswer = z.object({ id: z.string().min(1), sha256: z.string(), url: z.url() });
const LookupAnswer = z.object({ result: z.array(z.record(z.string(), z.unknown())) });

interface Answer {
  readonly status: number;
  readonly body: z.output<typeof Envelope>;
}

type Body = { readonly json: unknown } | { readonly form: FormData };

const MAX_LOGINS_PER_CALL = 3;

const noAnswer = (vi: string, en: string): PortalError =>
  new PortalError(
    { kind: 'transient', status: null, errorCode: null, answered: false, retryAfterMs: null },
    vi,
    en,
  );

export class PortalClient implements Portal, SurveyPortal {
  readonly #config: PortalConfig;
  readonly #now: () => number;
  #session: string | null = null;
  #login: Promise<string> | null = null;

  constructor(config: PortalConfigInput, now: () => number = Date.now) {
    this.#config = PortalConfigSchema.parse(config);
    this.#now = now;
  }

  async ping(): Promise<boolean> {
    try {
      await this.#post(this.#config.authPath, { json: {} });
      return true;
    } catch (error) {
      return error instanceof PortalError && error.answered;
    }
  }

  async uploadFile(file: UploadRequest): Promise<UploadedFile> {
    const answer = await this.#withSession((session) => {
      const form = new FormData();
      form.set('sha256', file.sha256);
      form.set('file', new Blob([file.bytes], { type: file.mime }), file.fileName);
      return this.#call(this.#config.filesPath, { form }, session);
    });
    const parsed = this.#parse(FileAnswer, answer);
    if (parsed.sha256.toLowerCase() !== file.sha256.toLowerCase()) {
      throw new PortalError(
        {
          kind: 'transient',
          status: answer.status,
          errorCode: null,
          answered: true,
          retryAfterMs: null,
        },
        'Kho tài liệu trả về mã băm khác với tệp đã gửi; sẽ tải lên lại.',
        'The file store answered with a different SHA-256 than the file sent; it will be uploaded again.',
      );
    }
    return parsed;
  }

  async lookup(maHoSo: string): Promise<readonly Readonly<Record<string, unknown>>[]> {
    const answer = await this.#integration({ service: 'TraCuuHoSo', mahoso: maHoSo });
    return this.#parse(LookupAnswer, answer).result;
  }

  async syncDossiers(
    updating: boolean,
    data: readonly Readonly<Record<string, unknown>>[],
  ): Promise<void> {
    await this.#integration({
      service: 'DongBoHoSoMC',
      isUpdating: updating ? 'True' : 'False',
      data,
    });
  }

  async updateProgress(data: readonly Readonly<Record<string, unknown>>[]): Promise<void> {
    await this.#integration({ service: 'CapNhatTienDoHoSoMC', data });
  }

  /** A citizen's rating (UNCONFIRMED service, see danh-gia-hai-long.ts). */
  async submitSurvey(rating: DanhGiaHaiLong): Promise<void> {
    await this.#integration({ service: SURVEY_SERVICE, data: [rating] });
  }

  #integration(params: Readonly<Record<string, unknown>>): Promise<Answer> {
    return this.#withSession((session) =>
      this.#call(
        this.#config.integrationPath,
        { json: { session, madonvi: this.#config.madonvi, ...params } },
        session,
      ),
    );
  }

  /**
   * Runs `call` with a session; on a 401 logs in again and retries. A session
   * can be dropped while several calls use it, so a few re-logins are allowed
   * before the 401 is reported as transient.
   */
  async #withSession(call: (session: string) => Promise<Answer>): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      const session = await this.#currentSession();
      try {
        return await call(session);
      } catch (error) {
        if (!(error instanceof PortalError) || error.status !== 401) throw error;
        if (this.#session === session) this.#session = null;
        if (attempt >= MAX_LOGINS_PER_CALL) {
          throw new PortalError(
            {
              kind: 'transient',
              status: 401,
              errorCode: error.errorCode,
              answered: true,
              retryAfterMs: null,
            },
            'Cổng từ chối phiên làm việc vừa đăng nhập; sẽ thử lại sau.',
            'The portal refused a fresh session; will retry later.',
          );
        }
      }
    }
  }

  #currentSession(): Promise<string> {
    if (this.#session !== null) return Promise.resolve(this.#session);
    this.#login ??= this.#doLogin().finally(() => {
      this.#login = null;
    });
    return this.#login;
  }

  async #doLogin(): Promise<string> {
    const { username, password } = this.#config;
    let answer: Answer;
    try {
      answer = await this.#post(this.#config.authPath, { json: { username, password } });
    } catch (error) {
      if (error instanceof PortalError && error.status === 401) {
        throw new PortalError(
          {
            kind: 'auth',
            status: 401,
            errorCode: error.errorCode,
            answered: true,
            retryAfterMs: null,
          },
          'Cổng từ chối tài khoản của kiosk; kiểm tra KIOSK_PORTAL_USER và KIOSK_PORTAL_PASSWORD (hoặc tệp cấu hình).',
          'The portal refused the kiosk account; check KIOSK_PORTAL_USER and KIOSK_PORTAL_PASSWORD (or the config file).',
        );
      }
      throw error;
    }
    this.#session = this.#parse(AuthAnswer, answer).session;
    return this.#session;
  }

  #call(path: string, body: Body, session: string): Promise<Answer> {
    return this.#post(path, body, { 'x-session': session });
  }

  #parse<T>(schema: z.ZodType<T>, answer: Answer): T {
    const parsed = schema.safeParse(answer.body);
    if (parsed.success) return parsed.data;
    throw new PortalError(
      {
        kind: 'transient',
        status: answer.status,
        errorCode: null,
        answered: true,
        retryAfterMs: null,
      },
      'Cổng trả lời sai định dạng; sẽ thử lại sau.',
      `The portal's answer did not match the wire contract: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }

  /** One HTTP POST, classified. Resolves only for a JSON answer with `error_code` 0. */
  async #post(
    path: string,
    body: Body,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<Answer> {
    const url = new URL(path, this.#config.baseUrl).toString();
    const allHeaders: Record<string, string> = { ...headers };
    if (this.#config.dstcode !== undefined) allHeaders.dstcode = this.#config.dstcode;
    if ('json' in body) {
      allHeaders['content-type'] = 'application/json';
      allHeaders.charset = 'utf-8';
    }
    let status: number;
    let retryAfter: string | null;
    let text: string;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: allHeaders,
        body: 'json' in body ? JSON.stringify(body.json) : body.form,
        signal: AbortSignal.timeout(this.#config.timeoutMs),
      });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      text = await res.text();
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw noAnswer(
          `Cổng không trả lời trong ${this.#config.timeoutMs / 1000} giây; sẽ thử lại.`,
          `The portal did not answer within ${this.#config.timeoutMs} ms; will retry.`,
        );
      }
      const cause =
        error instanceof Error && error.cause instanceof Error
          ? error.cause.message
          : String(error);
      throw noAnswer(
        'Không kết nối được tới Cổng (mạng hoặc máy chủ); sẽ thử lại.',
        `No answer from the portal: ${cause}`,
      );
    }
    return this.#classify(status, retryAfter, text);
  }

  #classify(status: number, retryAfter: string | null, text: string): Answer {
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
    const envelope = Envelope.safeParse(json);
    const errorCode = envelope.success ? envelope.data.error_code : null;
    const message = envelope.success ? envelope.data.message : undefined;
    const details = { status, errorCode, answered: true, retryAfterMs: null };
    if (status === 401) {
      throw new PortalError(
        { ...details, kind: 'transient' },
        'Phiên làm việc với Cổng đã hết hạn.',
        'Session expired (401).',
      );
    }
    if (status === 429) {
      throw new PortalError(
        { ...details, kind: 'transient', retryAfterMs: parseRetryAfter(retryAfter, this.#now()) },
        'Cổng đang quá tải (429); sẽ thử lại sau thời gian Cổng yêu cầu.',
        'The portal is rate limiting (429); will retry after Retry-After.',
      );
    }
    const refused =
      errorCode !== null && !isSuccess(errorCode) && message !== undefined && message !== '';
    if (refused && ((status >= 400 && status < 500) || (status >= 200 && status < 300))) {
      const short = message.slice(0, 1000);
      throw new PortalError(
        { ...details, kind: 'rejected' },
        short,
        `Rejected by the portal (${status}, error_code ${errorCode}): ${short}`,
      );
    }
    if (
      status < 200 ||
      status >= 300 ||
      !envelope.success ||
      errorCode === null ||
      !isSuccess(errorCode)
    ) {
      throw new PortalError(
        { ...details, kind: 'transient' },
        `Cổng trả lời lỗi tạm thời (HTTP ${status}); sẽ thử lại.`,
        `Transient portal answer: HTTP ${status}${envelope.success ? `, error_code ${envelope.data.error_code}` : ', not JSON'}.`,
      );
    }
    return { status, body: envelope.data };
  }
}
