import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, type ValidationOptions } from 'class-validator';

/** The largest value of an `int` column on MariaDB; one more is refused by the database (a 500). */
export const MAX_INT = 2_147_483_647;

/** A row id or a version number sent in a body: a positive integer an `int` column can hold. */
export const IsId = (options?: ValidationOptions) => applyDecorators(IsInt(options), Min(1, options), Max(MAX_INT, options));
