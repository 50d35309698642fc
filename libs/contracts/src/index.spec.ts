import { z } from 'zod';
import * as contracts from './index';
import * as responses from './responses';

describe('the contracts barrel the web app imports', () => {
  it('carries the vocabulary at run time but no zod schema (they stay out of the web bundle)', () => {
    const values = Object.entries(contracts);
    expect(values.map(([name]) => name)).toEqual(expect.arrayContaining(['LEVELS', 'ENTRY_STATUS_LABELS', 'quarterLabel', 'OTHER_UNIT_SIMILAR_TITLE']));
    expect(values.filter(([, value]) => value instanceof z.ZodType).map(([name]) => name)).toEqual([]);
    // the check can fail: the schema files themselves do export zod schemas
    expect(responses.JobResponseSchema).toBeInstanceOf(z.ZodType);
  });
});
