import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Min } from 'class-validator';
import { IsId } from '../../common/dto/numbers';
import { IsQuarter } from '../../schemes/dto/scheme.dto';

export class RecomputeDto {
  /** Exactly these quarters. */
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsQuarter({ each: true })
  quarters?: string[];

  /** This quarter and every later one. */
  @IsOptional() @IsQuarter()
  fromQuarter?: string;

  /** Only these articles' lines (with the unit-level lines of the quarters they touch). */
  @IsOptional() @IsArray() @ArrayMaxSize(10000) @IsId({ each: true })
  articleIds?: number[];
}

export class QuarterQuery {
  @IsQuarter()
  quarter: string;
}

export class StatementQuery extends QuarterQuery {
  /** Defaults to the caller's own unit (officers and reviewers). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  unitId?: number;
}
