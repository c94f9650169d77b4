import type { z } from 'zod';

/** A method of the API: its request and response schemas. */
export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly params: P;
  readonly result: R;
}

export function method<P extends z.ZodType, R extends z.ZodType>(
  params: P,
  result: R,
): MethodSpec<P, R> {
  return { params, result };
}
