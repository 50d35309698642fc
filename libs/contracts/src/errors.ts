import { z } from 'zod';

/**
 * The one error body every route answers with. A zod schema so that the same definition gives
 * the TypeScript type (z.infer) and the OpenAPI schema (z.toJSONSchema) every operation declares.
 */
export const ErrorBodySchema = z
  .object({
    statusCode: z.number().int(),
    code: z.string().describe('stable English code, e.g. `validation_failed`, `not_found`, `duplicate`'),
    message: z.string().describe('Chinese, for people'),
    errors: z.record(z.string(), z.string()).describe('field path → Chinese message; empty when the error is not about a field'),
  })
  .describe('The error body of every route.');

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
