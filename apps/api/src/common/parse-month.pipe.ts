import { PipeTransform } from '@nestjs/common';
import { badRequest } from './app-error';
import { isBusinessMonth } from './business-date';
import { monthInRange, monthRangeMessage } from './business-range';

/** Throws the 400 field error unless `month` is 'YYYY-MM' inside the business range. */
export function assertBusinessMonth(month: string): string {
  if (!isBusinessMonth(month)) throw badRequest('invalid_month', '月份格式不正确（应为 YYYY-MM）', { month: '月份格式不正确（应为 YYYY-MM）' });
  if (!monthInRange(month)) throw badRequest('month_out_of_range', `月份 ${month} 超出业务日期范围`, { month: monthRangeMessage() });
  return month;
}

/** `:month` route parameters: 'YYYY-MM' inside the business range. */
export class ParseMonthPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return assertBusinessMonth(value);
  }
}
