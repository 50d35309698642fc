import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError } from './app-error';
import { MAX_ID, ParseIdPipe, parseId, QueryId } from './parse-id.pipe';

describe('ParseIdPipe', () => {
  const sut = new ParseIdPipe();

  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', MAX_ID],
  ])('accepts %j as %d', (text, id) => {
    expect(sut.transform(text, { type: 'param', data: 'id' })).toBe(id);
  });

  it.each(['1e3', '0x10', ' 1', '  1', '1 ', '+1', '1.0', '01', '0', '-1', '', '1_000', '１', '2147483648', '99999999999999999999', 'abc'])(
    'refuses %j with 400 invalid_id naming the parameter',
    (text) => {
      let thrown: unknown;
      try {
        sut.transform(text, { type: 'param', data: 'articleId' });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).getStatus()).toBe(400);
      expect((thrown as AppError).getResponse()).toMatchObject({ code: 'invalid_id', errors: { articleId: 'ID 必须是正整数' } });
    },
  );

  it.each([[1, 1], [MAX_ID, MAX_ID], [0, null], [1.5, null], [MAX_ID + 1, null], [Number.NaN, null], [null, null], [undefined, null]])('parseId(%p) = %p', (value, expected) => {
    expect(parseId(value)).toBe(expected);
  });
});

describe('@QueryId()', () => {
  class Query {
    @QueryId()
    unitId: number;
  }
  const check = (unitId: unknown) => {
    const dto = plainToInstance(Query, { unitId });
    return { value: dto.unitId, errors: validateSync(dto).map((e) => Object.keys(e.constraints ?? {})).flat() };
  };

  it('turns a plain id string into a number', () => {
    expect(check('17')).toEqual({ value: 17, errors: [] });
  });

  it.each(['0x10', '1e3', ' 1', '+1', '1.0', '2147483648', ['1', '2']])('refuses %j with the isId constraint', (text) => {
    expect(check(text).errors).toEqual(['isId']);
  });
});
