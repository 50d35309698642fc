import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { LEVELS, type Level } from '@app/contracts';
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
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(100)
  leaderTitle?: string;

  @IsOptional() @IsIn(LEVELS)
  level?: Level;

  @IsOptional() @IsBusinessDate()
  instructedDate?: string;

  @IsOptional() @IsString() @MaxLength(5000)
  content?: string;

  @IsInt() @Min(1)
  version: number;
}
