import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LEVELS, type Level } from '@app/contracts';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { Trim } from '../../common/dto/transforms';

export class CreateInstructionDto {
  /** e.g. 省委常委、组织部长 */
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100)
  leaderTitle: string;

  @IsIn(LEVELS)
  level: Level;

  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式不正确（应为 YYYY-MM-DD）' })
  instructedDate: string;

  @IsOptional() @IsString() @MaxLength(5000)
  content?: string;
}

export class UpdateInstructionDto {
  @IsOptionalNonNull() @Trim() @IsString() @IsNotEmpty() @MaxLength(100)
  leaderTitle?: string;

  @IsOptionalNonNull() @IsIn(LEVELS)
  level?: Level;

  @IsOptionalNonNull() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式不正确（应为 YYYY-MM-DD）' })
  instructedDate?: string;

  @IsOptional() @IsString() @MaxLength(5000)
  content?: string;

  @IsId()
  version: number;
}
