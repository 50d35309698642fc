import { PipeTransform } from '@nestjs/common';
import { badRequest } from '../common/app-error';
import { quarterInRange, quarterRangeMessage } from '../common/business-range';
import { QUARTER_PATTERN } from './dto/quarter.dto';
import { quarterLabel } from '@app/contracts';

/** `:quarter` route parameters look like 2023-Q2 and lie inside the business range. */
export class ParseQuarterPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const quarter = String(value ?? '').toUpperCase();
    if (!QUARTER_PATTERN.test(quarter)) throw badRequest('invalid_quarter', `季度格式不正确：${value}（应为 2023-Q2 这样的形式）`, { quarter: '季度格式不正确' });
    if (!quarterInRange(quarter)) throw badRequest('quarter_out_of_range', `${quarterLabel(quarter)}超出业务日期范围`, { quarter: quarterRangeMessage() });
    return quarter;
  }
}
