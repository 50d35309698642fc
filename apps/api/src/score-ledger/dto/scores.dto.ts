import { ArrayMaxSize, IsArray, IsOptional } from 'class-validator';
import { IsBusinessQuarter } from '../../common/business-date';
import { QueryId } from '../../common/parse-id.pipe';
import { IsId } from '../../common/dto/numbers';

export class RecomputeDto {
  /** Exactly these quarters. */
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsBusinessQuarter({ each: true })
  quarters?: string[];

  /** This quarter and every later one. */
  @IsOptional() @IsBusinessQuarter()
  fromQuarter?: string;

  /** Only these articles' lines (with the unit-level lines of the quarters they touch). */
  @IsOptional() @IsArray() @ArrayMaxSize(10000) @IsId({ each: true })
  articleIds?: number[];
}

export class QuarterQuery {
  @IsBusinessQuarter()
  quarter: string;
}

export class StatementQuery extends QuarterQuery {
  /** Defaults to the caller's own unit (officers and reviewers). */
  @IsOptional() @QueryId()
  unitId?: number;
}
