import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LEVELS, type Level } from '@app/contracts';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { Trim } from '../../common/dto/transforms';
import { IsBusinessDate } from '../../common/business-date';

export class CreateInstructionDto {
  /** e.g. 省委常委、组织部长 */
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100)
  leaderTitle: string;

  @IsIn(LEVELS)
  level: Level;

  @IsBusinessDate()
  instructedDate: string;

  @IsOptional() @IsString() @MaxLength(5000)
  content?: string;
}

export class UpdateInstructionDto {
  @IsOptionalNonNull() @Trim() @IsString() @IsNotEmpty() @MaxLength(100)
  leaderTitle?: string;

  @IsOptionalNonNull() @IsIn(LEVELS)
  level?: Level;

  @IsOptionalNonNull() @IsBusinessDate()
  instructedDate?: string;

  @IsOptional() @IsString() @MaxLength(5000)
  content?: string;

  @IsId()
  version: number;
}
