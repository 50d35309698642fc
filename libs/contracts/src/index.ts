export * from './enums';
export * from './quarters';
export * from './audit';
// Type-only: the zod schemas behind these stay out of the web bundle; the server imports them
// from '@app/contracts/<file>' to publish them in the OpenAPI document (apps/api/src/common/openapi.ts).
export type * from './responses';
export type * from './errors';
export type * from './preview';
export type * from './audit-entry';
export type * from './reference';
export type * from './users';
export type * from './imports';
export type * from './articles';
export type * from './review';
export type * from './commissions';
export type * from './monthly-reports';
export type * from './scores';
export type * from './publication';
export type * from './notices';
export type * from './schemes';
export type * from './offices';
