import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsBusinessDate, IsBusinessMonth, IsBusinessQuarter } from './business-date';
import { PageQuery } from './dto/page.query';
import { QueryBoolean } from './dto/transforms';
import { queryParameters } from './openapi-query';
import { MAX_ID, QueryId } from './parse-id.pipe';

enum Colour {
  Red = 'red',
  Blue = 'blue',
}

class SampleQuery extends PageQuery {
  @IsIn(['open', 'closed'])
  status: 'open' | 'closed';

  @IsOptional() @QueryId()
  unitId?: number;

  @IsOptional() @QueryBoolean() @IsBoolean()
  unread?: boolean;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(50)
  q?: string;

  @IsOptional() @IsEnum(Colour)
  colour?: Colour;

  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @IsOptional() @Type(() => Number) @Min(0)
  share?: number;

  @IsOptional() @IsString() @Length(2, 8) @Matches(/^[a-z]+$/)
  code?: string;

  @IsOptional() @IsBusinessDate()
  from?: string;

  @IsOptional() @IsBusinessMonth()
  month?: string;

  @IsBusinessQuarter()
  quarter: string;

  @IsOptional() @IsISO8601({ strict: true })
  since?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(5) @IsBusinessQuarter({ each: true })
  quarters?: string[];

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize: number = 50;
}

class UuidQuery {
  @IsUUID()
  token: string;
}

describe('queryParameters (OpenAPI query parameters from class-validator metadata)', () => {
  const byName = () => new Map(queryParameters(SampleQuery).map((p) => [p.name, p]));

  it('documents every validated field once, own fields and inherited ones (PageQuery)', () => {
    const names = queryParameters(SampleQuery).map((p) => p.name);
    expect(names).toHaveLength(new Set(names).size);
    expect(new Set(names)).toEqual(new Set(['status', 'unitId', 'unread', 'q', 'colour', 'year', 'share', 'code', 'from', 'month', 'quarter', 'since', 'quarters', 'page', 'pageSize', 'sort']));
    expect(queryParameters(SampleQuery).every((p) => p.in === 'query')).toBe(true);
  });

  it.each([
    ['status', true, { type: 'string', enum: ['open', 'closed'] }],
    ['unitId', false, { type: 'integer', minimum: 1, maximum: MAX_ID }],
    ['unread', false, { type: 'boolean' }],
    ['q', false, { type: 'string', minLength: 1, maxLength: 50 }],
    ['colour', false, { type: 'string', enum: ['red', 'blue'] }],
    ['year', false, { type: 'integer', minimum: 2000, maximum: 2100 }],
    ['share', false, { type: 'number', minimum: 0 }],
    ['code', false, { type: 'string', minLength: 2, maxLength: 8, pattern: '^[a-z]+$' }],
    ['from', false, { type: 'string', format: 'date' }],
    ['month', false, { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }],
    ['quarter', true, { type: 'string', pattern: '^\\d{4}-Q[1-4]$' }],
    ['since', false, { type: 'string', format: 'date-time' }],
    ['quarters', false, { type: 'array', maxItems: 5, items: { type: 'string', pattern: '^\\d{4}-Q[1-4]$' } }],
    ['page', false, { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 }],
    ['pageSize', false, { type: 'integer', minimum: 1, maximum: 100, default: 50 }],
    ['sort', false, { type: 'string', maxLength: 40, pattern: '^-?[A-Za-z][A-Za-z0-9]*$' }],
  ])('%s: required %s, schema %j', (name, required, schema) => {
    expect(byName().get(name)).toEqual({ name, in: 'query', required, schema });
  });

  it('refuses a validator it has no mapping for, naming the DTO field', () => {
    expect(() => queryParameters(UuidQuery)).toThrow(/UuidQuery\.token: validator isUuid has no OpenAPI mapping/);
  });
});
