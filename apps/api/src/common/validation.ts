import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';

/**
 * class-validator speaks English; people read Chinese. Each constraint maps to a Chinese
 * message; numbers (lengths, limits) are taken from the English default message.
 */
const MESSAGES: Record<string, (n: string[]) => string> = {
  whitelistValidation: () => '不允许的字段',
  isDefined: () => '必填',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是文本',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isNumberString: () => '必须是数字',
  isBoolean: () => '必须是 true 或 false',
  isArray: () => '必须是列表',
  isIn: () => '不是允许的取值',
  isEnum: () => '不是允许的取值',
  isEmail: () => '邮箱格式不正确',
  isUrl: () => '网址格式不正确',
  isUrlOrEmpty: () => '网址格式不正确',
  isDateString: () => '日期格式不正确（应为 YYYY-MM-DD）',
  isISO8601: () => '日期时间格式不正确',
  isBusinessDate: () => '日期格式不正确（应为 YYYY-MM-DD）',
  matches: () => '格式不正确',
  maxLength: ([n]) => `长度不能超过 ${n} 个字符`,
  minLength: ([n]) => `长度不能少于 ${n} 个字符`,
  max: ([n]) => `不能大于 ${n}`,
  min: ([n]) => `不能小于 ${n}`,
  arrayMinSize: ([n]) => `至少需要 ${n} 项`,
  arrayMaxSize: ([n]) => `最多 ${n} 项`,
  arrayUnique: () => '不能有重复项',
  nestedValidation: () => '格式不正确',
  isObject: () => '必须是对象',
};

function zh(constraint: string, english: string): string {
  const numbers = english.match(/-?\d+(\.\d+)?/g) ?? [];
  const make = MESSAGES[constraint];
  // A custom decorator may already carry a Chinese message.
  if (!make) return /[\u4e00-\u9fa5]/.test(english) ? english : '格式不正确';
  return make(numbers);
}

/** Flattens nested validation errors into `{ 'placements.0.outletId': '必填' }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    // The most specific message wins: a wrong type says so before "too long".
    const order = ['whitelistValidation', 'isDefined', 'isNotEmpty', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray'];
    constraints.sort(([a], [b]) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)));
    if (constraints.length > 0) out[field] = zh(constraints[0][0], constraints[0][1]);
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, field));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const unknown = Object.values(fields).every((m) => m === MESSAGES.whitelistValidation([]));
      return unknown
        ? new AppError(HttpStatus.BAD_REQUEST, 'unknown_field', '请求中包含不允许的字段', fields)
        : new AppError(HttpStatus.BAD_REQUEST, 'validation_failed', '提交的内容有误，请按提示修改', fields);
    },
  });
}
