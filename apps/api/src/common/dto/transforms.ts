import { Transform } from 'class-transformer';

/** Trims strings; keeps other values for the validators to judge. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** 'true'/'false' in a query string → boolean. */
export const QueryBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
