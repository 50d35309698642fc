/** Units, ranking groups and outlets (the office's reference lists), as the API answers them. */
import type { Channel, Level, Medium } from './enums';

/** Columns every versioned record answers with. */
export interface VersionedResponse {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RankingGroupResponse extends VersionedResponse {
  code: string;
  name: string;
  sortOrder: number;
  active: boolean;
}

export interface UnitResponse extends VersionedResponse {
  code: string;
  name: string;
  groupId: number;
  /** present where the list joins the group */
  group?: RankingGroupResponse;
  active: boolean;
  contactName: string | null;
  contactPhone: string | null;
  /** set on the unit that stands for an office below in this office's ranking (its score is that office's roll-up) */
  childOfficeId: number | null;
}

export interface OutletResponse extends VersionedResponse {
  code: string;
  name: string;
  aliases: string[];
  level: Level;
  channel: Channel;
  medium: Medium;
  active: boolean;
  /** a catalogue placeholder the office is meant to rename */
  placeholder: boolean;
  /** held by the caller's office; false: shared from an office above (central outlets, the city's), which only that office edits */
  own: boolean;
}
