import { ValidateIf } from 'class-validator';

/**
 * Like `@IsOptional()`, but only an absent field is skipped: `null` is validated (and refused)
 * like any other value. For columns that cannot hold null, `@IsOptional()` would let
 * `{ "name": null }` through to the database and end as a 500 instead of a field error.
 */
export const IsOptionalNonNull = () => ValidateIf((_object, value) => value !== undefined);
