/**
 * What crosses between the page pool (page-pool.ts) and its worker threads
 * (page-worker.ts): two kinds of job, cleaning one scanned page and building
 * one component PDF, each checked on arrival like any message that crosses
 * a thread.
 */
import { z } from 'zod';
import type { ScannedPage } from '../scanner';
import type { ComponentPage, ComponentPdf, ComponentPdfMeta } from './component-pdf';
import type { PipelineOptions, ProcessedPage } from './page-pipeline';

const ScannedPageSchema = z
  .object({
    index: z.number().int().nonnegative(),
    path: z.string().min(1).max(4096),
    format: z.enum(['pnm', 'tiff', 'png', 'jpeg', 'pdf']),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    dpi: z.number().positive(),
    mode: z.enum(['color', 'gray', 'bitonal']),
  })
  .strict();

const PipelineOptionsSchema = z
  .object({
    profile: z.enum(['bitonal', 'gray', 'color']).optional(),
    jpegQuality: z.number().int().min(1).max(100).optional(),
    removeBlank: z.boolean().optional(),
    deskew: z.boolean().optional(),
    crop: z.boolean().optional(),
    outDir: z.string().max(4096).optional(),
    despeckle: z.boolean().optional(),
  })
  .strict();

const bytes = z.instanceof(Uint8Array);

/** A ComponentPage with exactly the fields the builder reads (page-pool.ts strips the rest). */
const ComponentPageSchema = z
  .union([
    z
      .object({
        format: z.enum(['jpeg', 'png', 'g4']),
        bytes,
        dpi: z.number().positive(),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        textLayer: bytes.optional(),
      })
      .strict(),
    z.object({ format: z.literal('pdf-page'), bytes, textLayer: bytes.optional() }).strict(),
  ])
  .transform(({ textLayer, ...page }): ComponentPage =>
    textLayer === undefined ? page : { ...page, textLayer },
  );

const MetaSchema = z
  .object({ title: z.string().max(1000).optional(), createdAt: z.date().optional() })
  .strict()
  .transform(({ title, createdAt }): ComponentPdfMeta => ({
    ...(title === undefined ? {} : { title }),
    ...(createdAt === undefined ? {} : { createdAt }),
  }));

export const PageWorkerRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      id: z.number().int().nonnegative(),
      kind: z.literal('clean'),
      page: ScannedPageSchema,
      options: PipelineOptionsSchema,
    })
    .strict(),
  z
    .object({
      id: z.number().int().nonnegative(),
      kind: z.literal('pdf'),
      pages: z.array(ComponentPageSchema).max(10_000),
      meta: MetaSchema,
    })
    .strict(),
]);
/** What the pool sends (the schema's input; the worker reads its parsed output). */
export type PageWorkerRequest =
  | {
      readonly id: number;
      readonly kind: 'clean';
      readonly page: ScannedPage;
      readonly options: PipelineOptions;
    }
  | {
      readonly id: number;
      readonly kind: 'pdf';
      readonly pages: readonly ComponentPage[];
      readonly meta: ComponentPdfMeta;
    };

/** A worker's answer to one job. */
export type PageWorkerAnswer =
  | { readonly id: number; readonly ok: true; readonly page: ProcessedPage }
  | { readonly id: number; readonly ok: true; readonly pdf: ComponentPdf }
  | { readonly id: number; readonly ok: false; readonly message: string };
