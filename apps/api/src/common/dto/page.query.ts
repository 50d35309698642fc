import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE = 1_000_000;

/** Every list is paginated: ?page=1&pageSize=20 (at most 200 a page), and sortable: ?sort=title, ?sort=-date (descending). */
export class PageQuery {
  /** Bounded so that the offset stays a number SQL can read (page=1e308 was a 500). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE)
  page: number = 1;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  pageSize: number = 20;

  /** A column the list allows (each service lists its own, see common/sort.ts), `-` first for descending. */
  @IsOptional() @IsString() @MaxLength(40) @Matches(/^-?[A-Za-z][A-Za-z0-9]*$/)
  sort?: string;
}
