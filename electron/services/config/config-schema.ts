import { z } from 'zod';
import { CentreSchema, defaultCentre } from './centre-schema';

/**
 * The kiosk's one configuration file (config.json in the data folder).
 * Every key has a default that runs out of the box: the embedded SQLite under
 * the data folder and, in training mode, the local portal simulator.
 */
export const ConfigSchema = z
  .object({
    /** staff: the counter (keyboard and mouse); kiosk: citizen self-service (touch). */
    mode: z.enum(['staff', 'kiosk']).default('staff'),
    locale: z.enum(['vi', 'en']).default('vi'),
    /** Seconds without input before the screen returns to start and citizen data is wiped. */
    idleTimeoutSeconds: z.number().int().min(5).max(3600).default(120),
    /**
     * Seconds without a call from a clerk's page before the core itself ends
     * that sign-in: the backstop for a page whose own idle guard never ran
     * (frozen, closed without a close frame, or not our page at all).
     */
    staffIdleTimeoutSeconds: z.number().int().min(5).max(28_800).default(900),
    /**
     * The counter a citizen at this kiosk is sent to when a device or the portal is
     * down, as it is signed in the hall, e.g. "quầy số 3"; empty says "quầy tiếp nhận".
     */
    helpCounter: z.string().trim().max(60).default(''),
    window: z
      .object({
        /** Electron's kiosk flag; the real lock-down is the OS's (see build/kiosk-os.md). */
        kiosk: z.boolean().default(true),
        fullscreen: z.boolean().default(true),
      })
      .strict()
      .default({ kiosk: true, fullscreen: true }),
    agency: z
      .object({
        /** The receiving unit's code, e.g. 000.00.53.H48 (QCVN 102:2016/BTTTT). */
        code: z
          .string()
          .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/)
          .default('000.00.00.H00'),
        name: z.string().min(1).default('Bộ phận Một cửa (đào tạo)'),
        /**
         * This machine's share of the agency's daily dossier numbers, `slot/slots`
         * or `slot/slots@first-last` (store/dossier-code.ts), so kiosks of one
         * agency working offline never issue the same code. Env KIOSK_CODE_BLOCK.
         */
        codeBlock: z
          .string()
          .regex(/^\d+\/\d+(@\d+-\d+)?$/)
          .default('0/1'),
      })
      .strict()
      .default({ code: '000.00.00.H00', name: 'Bộ phận Một cửa (đào tạo)', codeBlock: '0/1' }),
    portal: z
      .object({
        /** Training mode syncs to the local portal simulator, never the real portal. */
        trainingMode: z.boolean().default(true),
        url: z.url().default('http://127.0.0.1:8790'),
        username: z.string().default('kiosk'),
        /** Empty means: read KIOSK_PORTAL_PASSWORD at run time. */
        password: z.string().default(''),
      })
      .strict()
      .default({
        trainingMode: true,
        url: 'http://127.0.0.1:8790',
        username: 'kiosk',
        password: '',
      }),
    store: z
      .object({
        /** Days after a dossier synced before its personal data is purged from this kiosk. */
        retentionDays: z.number().int().min(1).max(3650).default(30),
      })
      .strict()
      .default({ retentionDays: 30 }),
    card: z
      .object({
        /**
         * Folder of CSCA certificates (PEM/DER) or ICAO master lists that chip
         * signatures must chain to; empty means <data folder>/trust. Without a
         * trusted CSCA every card reads as "not trusted".
         */
        trustDir: z.string().default(''),
      })
      .strict()
      .default({ trustDir: '' }),
    ocr: z
      .object({
        /**
         * The OCR models: `auto` uses the OS's tesseract data when present
         * (Debian/Ubuntu package tesseract-ocr-vie, the smaller and faster
         * tessdata_fast model), else the bundled npm ones; `bundled` always
         * the npm ones; any other value is a folder of `<code>.traineddata`.
         */
        modelDir: z.string().default('auto'),
      })
      .strict()
      .default({ modelDir: 'auto' }),
    calendar: z
      .object({
        /**
         * JSON file of the year's civil-service day swaps (hoán đổi ngày làm
         * việc); empty means the built-in holidays only. See
         * electron/services/calendar/README.md.
         */
        adjustmentsFile: z.string().default(''),
        /** Office sessions, local time; a due date falls at the end of the last one. */
        officeHours: z
          .array(
            z
              .object({
                start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
                end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
              })
              .strict(),
          )
          .min(1)
          .max(4)
          .refine(
            (sessions) =>
              sessions.every(
                (s, i) => s.start < s.end && (i === 0 || (sessions[i - 1]?.end ?? '') <= s.start),
              ),
            { message: 'each session must start before it ends, in order of the day' },
          )
          .default([
            { start: '07:30', end: '11:30' },
            { start: '13:30', end: '17:00' },
          ]),
      })
      .strict()
      .default({
        adjustmentsFile: '',
        officeHours: [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
      }),
    receipt: z
      .object({
        /** The place printed before the date, e.g. "Bình Sơn". */
        place: z.string().default(''),
        /** Đăng ký nhận kết quả tại, e.g. "Bộ phận Một cửa UBND xã Bình Sơn". */
        collectAt: z.string().default(''),
        /** The desk's phone number printed on the receipt; empty prints none. */
        phone: z.string().default(''),
      })
      .strict()
      .default({ place: '', collectAt: '', phone: '' }),
    ticketPrinter: z
      .object({
        /** The queue ticket printer: `tcp://HOST[:9100]` or a USB device file (`/dev/usb/lp0`); empty: none. */
        url: z.string().default(''),
        /** The roll: 58 mm (384 dots) or 80 mm (576 dots). */
        paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
        /** Bound on connecting and on each status answer. */
        timeoutMs: z.number().int().min(200).max(30_000).default(3000),
      })
      .strict()
      .default({ url: '', paperWidthMm: 80, timeoutMs: 3000 }),
    signing: z
      .object({
        /** The token vendor's PKCS#11 library (.so/.dll); empty: no signing, documents stay "chưa ký số". Env KIOSK_SIGNING_MODULE wins. */
        pkcs11Module: z.string().default(''),
        /** The token's label; empty takes the only token present. Env KIOSK_SIGNING_TOKEN wins. */
        tokenLabel: z.string().default(''),
        /** PEM file of the issuing CAs above the signer, embedded in each signature. */
        chainFile: z.string().default(''),
        /** Folder of trusted root CAs (PEM/DER) that signed PDFs must chain to. */
        trustDir: z.string().default(''),
        /** RFC 3161 time-stamping authority; empty signs without a timestamp (PAdES B-B). */
        tsaUrl: z.string().default(''),
        /** OCSP responder asked for every certificate instead of the one in its AIA; empty: the AIA's. */
        ocspUrl: z.string().default(''),
      })
      .strict()
      .default({
        pkcs11Module: '',
        tokenLabel: '',
        chainFile: '',
        trustDir: '',
        tsaUrl: '',
        ocspUrl: '',
      }),
    returns: z
      .object({
        /** Minutes between asking the portal which open dossiers have a result (TraCuuHoSo); 0 turns it off. */
        readinessRefreshMinutes: z.number().int().min(0).max(1440).default(15),
        /** Dossiers asked per round at most, the least recently asked first. */
        readinessBatch: z.number().int().min(1).max(500).default(50),
      })
      .strict()
      .default({ readinessRefreshMinutes: 15, readinessBatch: 50 }),
    centre: CentreSchema.default(defaultCentre),
    browserShell: z
      .object({
        /** 0 picks a free port at each launch. */
        port: z.number().int().min(0).max(65535).default(0),
        browser: z.string().default('/usr/bin/chromium'),
        /** Open the browser in --kiosk mode (else --app). */
        kioskWindow: z.boolean().default(false),
      })
      .strict()
      .default({ port: 0, browser: '/usr/bin/chromium', kioskWindow: false }),
    logs: z
      .object({
        level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
        /** Rotated files kept on disk (shared counter PCs need a limit). */
        maxFiles: z.number().int().min(1).max(365).default(14),
        maxFileSizeMb: z.number().int().min(1).max(1024).default(10),
      })
      .strict()
      .default({ level: 'info', maxFiles: 14, maxFileSizeMb: 10 }),
    /** Electron permissions the renderer may get; every other request is denied. */
    allowedPermissions: z
      .array(z.enum(['media', 'clipboard-sanitized-write', 'fullscreen']))
      .default([]),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
