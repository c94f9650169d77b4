import { readBase64 } from '../../api/read-base64';
import type { PickedFile } from './return-draft';

export type PickOutcome =
  | { readonly ok: true; readonly file: PickedFile }
  | { readonly ok: false; readonly problem: 'wrongType' | 'readFailed'; readonly fileName: string };

/**
 * Reads a chosen file when its type is one the core takes. The type is
 * checked by the browser's MIME and the name's extension both, because a
 * scanner's USB export often has no MIME the browser recognises; the core
 * checks the bytes again (RETURN_RESULT_INVALID).
 */
export async function pickFile(file: File, types: readonly string[]): Promise<PickOutcome> {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const byExtension: Readonly<Record<string, string>> = {
    pdf: 'application/pdf',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
  };
  const type = file.type !== '' ? file.type : (byExtension[extension] ?? '');
  if (!types.includes(type)) return { ok: false, problem: 'wrongType', fileName: file.name };
  try {
    return { ok: true, file: { fileName: file.name, base64: await readBase64(file) } };
  } catch {
    return { ok: false, problem: 'readFailed', fileName: file.name };
  }
}
