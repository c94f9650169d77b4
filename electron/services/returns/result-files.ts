/**
 * The result documents of `return.record` as bytes, whichever way they came:
 * inline, uploaded over HTTP first (browser shell), or scanned at the counter.
 * A scanned result is built like a dossier component: the scan job's pages
 * in the clerk's order, each with its OCR text layer, as one searchable PDF.
 */
import type { z } from 'zod';
import type { ResultFileSchema } from '../../api/contract/returns';
import type { ComponentJobs } from '../components/component-jobs';
import type { UploadStore } from '../uploads/upload-store';

export type ResultFileParam = z.output<typeof ResultFileSchema>;

export interface ResultBytes {
  readonly name: string;
  readonly componentCode?: string;
  readonly pdf: Uint8Array;
}

export interface ResultFileSources {
  readonly uploads: Pick<UploadStore, 'take'>;
  readonly jobs: Pick<ComponentJobs, 'assemble'>;
}

export async function resultBytes(
  files: readonly ResultFileParam[],
  sources: ResultFileSources,
): Promise<ResultBytes[]> {
  const out: ResultBytes[] = [];
  // One at a time: each scanned result waits for its own OCR, and the OCR pool is shared.
  for (const x of files) {
    const named = {
      name: x.name,
      ...(x.componentCode === undefined ? {} : { componentCode: x.componentCode }),
    };
    if ('scanJobId' in x) {
      const assembled = await sources.jobs.assemble(x.scanJobId, x.pages);
      out.push({ ...named, pdf: assembled.bytes });
    } else if ('uploadId' in x) {
      // The upload store checks the type it was sent as; the service checks the bytes are a PDF.
      out.push({
        ...named,
        pdf: new Uint8Array(sources.uploads.take(x.uploadId, 'application/pdf')),
      });
    } else {
      out.push({ ...named, pdf: new Uint8Array(Buffer.from(x.pdfBase64, 'base64')) });
    }
  }
  return out;
}

/** The scan jobs a return used; removed with their page files once the return is recorded. */
export function scanJobsOf(files: readonly ResultFileParam[]): string[] {
  return files.flatMap((x) => ('scanJobId' in x ? [x.scanJobId] : []));
}
