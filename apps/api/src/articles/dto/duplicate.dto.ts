import { IsInt, Min } from 'class-validator';

export class OtherArticleDto {
  @IsInt() @Min(1)
  otherId: number;
}
