/** Units, ranking groups and outlets (the office's reference lists), as the API answers them. */
import { z } from 'zod';
import { CHANNELS, LEVELS, MEDIA } from './enums';
import { int } from './responses';

/** Columns every versioned record answers with. */
export const VersionedResponseSchema = z.object({ id: int(), version: int(), createdAt: z.string(), updatedAt: z.string() });
export type VersionedResponse = z.infer<typeof VersionedResponseSchema>;

export const RankingGroupResponseSchema = VersionedResponseSchema.extend({
  code: z.string(),
  name: z.string(),
  sortOrder: int(),
  active: z.boolean(),
});
export type RankingGroupResponse = z.infer<typeof RankingGroupResponseSchema>;

export const UnitResponseSchema = VersionedResponseSchema.extend({
  code: z.string(),
  name: z.string(),
  groupId: int(),
  group: RankingGroupResponseSchema.optional().describe('present where the list joins the group'),
  active: z.boolean(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  childOfficeId: int()
    .nullable()
    .describe("set on the unit that stands for an office below in this office's ranking (its score is that office's roll-up)"),
});
export type UnitResponse = z.infer<typeof UnitResponseSchema>;

export const OutletResponseSchema = VersionedResponseSchema.extend({
  code: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  level: z.enum(LEVELS),
  channel: z.enum(CHANNELS),
  medium: z.enum(MEDIA),
  active: z.boolean(),
  placeholder: z.boolean().describe('a catalogue placeholder the office is meant to rename'),
  own: z.boolean().describe("Held by the caller's office; false: shared from an office above (central outlets, the city's), which only that office edits."),
});
export type OutletResponse = z.infer<typeof OutletResponseSchema>;
