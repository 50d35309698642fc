export * from './enums';
export * from './quarters';
export * from './responses';
// Type-only: the zod schemas behind these stay out of the web bundle; the server imports them
// from '@app/contracts/errors' and '@app/contracts/scores' to publish them in the OpenAPI document.
export type { ErrorBody } from './errors';
export * from './preview';
export * from './audit';
export * from './reference';
export * from './users';
export * from './imports';
export * from './articles';
export * from './review';
export * from './commissions';
export * from './monthly-reports';
export type { PlacementCounts, RankingResponse, RankingRow, SchemeVersionRef, StatementLine, StatementResponse } from './scores';
export * from './publication';
export * from './notices';
export type { OfficeSettingsResponse, ParentStatementResponse } from './offices';
