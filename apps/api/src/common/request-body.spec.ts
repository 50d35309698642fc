import { MAX_JSON_DEPTH, verifyJsonBody } from './request-body';

const verify = (text: string, encoding: string | null = 'utf-8') => () => verifyJsonBody(undefined, undefined, Buffer.from(text, 'utf8'), encoding);
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('verifyJsonBody', () => {
  it.each([
    ['an ordinary body', '{"title":"人民日报 2024\\t第1版\\n","units":[{"unitId":1}]}'],
    ['brackets and quotes inside strings', '{"a":"[[[[{{{{\\"","b":"\\\\"}'],
    ['a pair of escaped surrogates', '{"a":"\\ud83d\\ude00"}'],
    ['a raw astral character', '{"a":"𠮷😀"}'],
    ['the deepest allowed nesting', nested(MAX_JSON_DEPTH)],
  ])('lets %s through', (_name, text) => {
    expect(verify(text)).not.toThrow();
  });

  it.each([
    ['nesting one level too deep', nested(MAX_JSON_DEPTH + 1), 'entity.too.deep'],
    ['5,000 levels of objects', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), 'entity.too.deep'],
    ['an escaped NUL', '{"a":"x\\u0000"}', 'entity.invalid.characters'],
    ['a backspace escape', '{"a":"x\\b"}', 'entity.invalid.characters'],
    ['a lone high surrogate', '{"a":"x\\ud800y"}', 'entity.invalid.characters'],
    ['a high surrogate ending the string', '{"a":"x\\ud800"}', 'entity.invalid.characters'],
    ['a lone low surrogate', '{"a":"\\udc00"}', 'entity.invalid.characters'],
  ])('refuses %s', (_name, text, type) => {
    expect(verify(text)).toThrow(expect.objectContaining({ status: 400, type }));
  });

  it('refuses a charset other than UTF-8 with 415', () => {
    expect(verify('{}', 'utf-16le')).toThrow(expect.objectContaining({ status: 415, type: 'charset.unsupported' }));
  });
});
