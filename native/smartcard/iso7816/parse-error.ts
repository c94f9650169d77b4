export type ParseErrorCode =
  'TRUNCATED' | 'BAD_TAG' | 'BAD_LENGTH' | 'UNEXPECTED_TAG' | 'MISSING_FIELD' | 'BAD_VALUE';

/**
 * A data group or structure that cannot be read. The chip's files are signed, so
 * this means a damaged read or a card that is not a CCCD: re-read the card, and
 * report the card if it persists. `offset` is the byte where parsing stopped.
 */
export class ParseError extends Error {
  readonly code: ParseErrorCode;
  readonly offset: number;
  readonly vi: string;
  readonly en: string;

  constructor(
    code: ParseErrorCode,
    offset: number,
    en: string,
    options: { readonly vi?: string; readonly cause?: unknown } = {},
  ) {
    const viText =
      options.vi ??
      `Dữ liệu trên chip không đọc được (${code} tại byte ${String(offset)}); hãy đọc lại thẻ.`;
    const enText = `${en} (${code} at byte ${String(offset)}); read the card again.`;
    super(`${viText} / ${enText}`, { cause: options.cause });
    this.name = 'ParseError';
    this.code = code;
    this.offset = offset;
    this.vi = viText;
    this.en = enText;
  }
}
