import { IsId } from '../../common/dto/numbers';

export class OtherArticleDto {
  @IsId()
  otherId: number;
}
