import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AppError } from './app-error';
import { createValidationPipe } from './validation';

class Line {
  @IsInt()
  outletId: number;
}

class Sample {
  @IsString() @MaxLength(10)
  name: string;

  @IsOptional() @IsInt()
  count?: number;

  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Line)
  lines?: Line[];
}

const meta: ArgumentMetadata = { type: 'body', metatype: Sample };

async function refusal(value: unknown): Promise<AppError> {
  const error = await createValidationPipe().transform(value, meta).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('createValidationPipe', () => {
  it('passes a valid body through', async () => {
    await expect(createValidationPipe().transform({ name: 'ok', count: 2 }, meta)).resolves.toMatchObject({ name: 'ok', count: 2 });
  });

  it('answers unknown fields alone with 400 unknown_field, naming each', async () => {
    const e = await refusal({ name: 'ok', colour: 'red', size: 1 });
    expect([e.getStatus(), e.code]).toEqual([400, 'unknown_field']);
    expect(e.fieldErrors).toEqual({ colour: '不允许的字段', size: '不允许的字段' });
  });

  it('answers wrong values with 400 validation_failed and one Chinese message per field', async () => {
    const e = await refusal({ name: 5, count: 'x' });
    expect(e.code).toBe('validation_failed');
    // The type error wins over the length error for the same field.
    expect(e.fieldErrors).toEqual({ name: '必须是文本', count: '必须是整数' });
  });

  it('keeps the number of a length limit in the message', async () => {
    expect((await refusal({ name: 'x'.repeat(11) })).fieldErrors).toEqual({ name: '长度不能超过 10 个字符' });
  });

  it('names nested fields by their path', async () => {
    const e = await refusal({ name: 'ok', lines: [{ outletId: 1 }, { outletId: 'a' }] });
    expect(e.fieldErrors).toEqual({ 'lines.1.outletId': '必须是整数' });
  });

  it('reports a mix of unknown and wrong fields as validation_failed with both', async () => {
    const e = await refusal({ name: 5, colour: 'red' });
    expect(e.code).toBe('validation_failed');
    expect(e.fieldErrors).toEqual({ name: '必须是文本', colour: '不允许的字段' });
  });
});
