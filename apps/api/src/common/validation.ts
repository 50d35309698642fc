import { type ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
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
  // A custom decorator, or a pattern that explains its format (@Matches with a Chinese message),
  // says more than the generic 格式不正确.
  if (!make || constraint === 'matches') return /[\u4e00-\u9fa5]/.test(english) ? english : make ? make(numbers) : '格式不正确';
  return make(numbers);
}

/** The most specific failed constraint of one field: a wrong type says so before "too long". */
function firstConstraint(error: ValidationError): [string, string] | undefined {
  const order = ['whitelistValidation', 'isDefined', 'isNotEmpty', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray'];
  const rank = (name: string) => (order.indexOf(name) === -1 ? 99 : order.indexOf(name));
  return Object.entries(error.constraints ?? {}).sort(([a], [b]) => rank(a) - rank(b))[0];
}

/** Walks the error tree: `visit(field, constraint, message)` for each field's most specific error. */
function eachFieldError(errors: ValidationError[], visit: (field: string, constraint: string, english: string) => void, prefix = ''): void {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const first = firstConstraint(error);
    if (first) visit(field, first[0], first[1]);
    if (error.children?.length) eachFieldError(error.children, visit, field);
  }
}

/** Flattens nested validation errors into `{ 'placements.0.outletId': '必填' }`. */
export function flattenValidationErrors(errors: ValidationError[]): Record<string, string> {
  const out: Record<string, string> = {};
  eachFieldError(errors, (field, constraint, english) => {
    out[field] = zh(constraint, english);
  });
  return out;
}

/** Constraints whose failure has its own stable code when it is the only kind in a request. */
const CONSTRAINT_CODES: Record<string, string> = {
  whitelistValidation: 'unknown_field',
  isId: 'invalid_id',
  businessDateInRange: 'date_out_of_range',
  businessMonthInRange: 'month_out_of_range',
  quarterInRange: 'quarter_out_of_range',
};

/** The response code: a specific one when every field failed the same way, else `validation_failed`. */
export function validationCode(errors: ValidationError[]): string {
  const codes = new Set<string>();
  eachFieldError(errors, (_field, constraint) => {
    codes.add(CONSTRAINT_CODES[constraint] ?? 'validation_failed');
  });
  return codes.size === 1 ? [...codes][0] : 'validation_failed';
}

/**
 * The global pipe runs before a parameter's own pipe, and Nest's ValidationPipe turns a route
 * parameter typed `number` into Number(text) on the way: '1e3' became 1000 and ' 1' became 1
 * before ParseIdPipe could see them. Route parameters therefore reach their own pipe as written.
 */
class AppValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const code = validationCode(errors);
      const message = code === 'unknown_field' ? '请求中包含不允许的字段' : '提交的内容有误，请按提示修改';
      return new AppError(HttpStatus.BAD_REQUEST, code, message, flattenValidationErrors(errors));
    },
  });
}
