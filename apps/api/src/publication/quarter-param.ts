import { PipeTransform } from '@nestjs/common';
import { badRequest } from '../common/app-error';
import { QUARTER_PATTERN } from './dto/quarter.dto';

/** `:quarter` route parameters look like 2023-Q2. */
export class ParseQuarterPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const quarter = String(value ?? '').toUpperCase();
    if (!QUARTER_PATTERN.test(quarter)) throw badRequest('invalid_quarter', `季度格式不正确：${value}（应为 2023-Q2 这样的形式）`, { quarter: '季度格式不正确' });
    return quarter;
  }
}
