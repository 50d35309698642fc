import { applyDecorators, type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { badRequest } from './app-error';

/** Ids are INT columns: the largest one a row can have. */
export const MAX_ID = 2_147_483_647;
export const ID_MESSAGE = 'ID 必须是正整数';

// Decimal digits only. Number() and Nest's ParseIntPipe also take '1e3', '0x10', ' 1', '+1'
// and '1.0', so a crafted path could reach a row its plain form never names.
const ID_TEXT = /^[1-9][0-9]{0,9}$/;

/** The id written in `value` (a route or query string, or a JSON number), or null if it is not one. */
export function parseId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= MAX_ID ? value : null;
  if (typeof value !== 'string' || !ID_TEXT.test(value)) return null;
  const id = Number(value);
  return id <= MAX_ID ? id : null;
}

export const invalidId = (field: string) => badRequest('invalid_id', `${field} 不是有效的 ID（应为正整数）`, { [field]: ID_MESSAGE });

/** Every id route parameter: `@Param('id', ParseIdPipe) id: number`. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const id = parseId(value);
    if (id === null) throw invalidId(metadata.data ?? 'id');
    return id;
  }
}

/** DTO field: an id (a JSON number, or the string of one after QueryId's transform). */
export const IsId = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isId', validator: { validate: (v) => typeof v === 'number' && parseId(v) !== null, defaultMessage: () => ID_MESSAGE } }, options);

/** Query-string id (`?unitId=3`): the same strict digits as a route id; anything else is refused. */
export const QueryId = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (parseId(value) ?? value) : value)),
    IsId(),
  );
