import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { SchemePreviewDto } from '../schemes/dto/scheme.dto';
import { ScorePreviewService } from './score-preview.service';
import { ApiAnswer } from '../common/openapi';

/** Lives with the ledger (it needs the records loader) but belongs to the scheme editor's routes. */
@ApiTags('schemes 计分办法')
@Controller('schemes')
export class SchemePreviewController {
  constructor(private readonly service: ScorePreviewService) {}

  @Roles('office', 'admin', 'leader') @Post('preview') @HttpCode(200)
  @ApiAnswer('PreviewResponse')
  preview(@Auth() user: AuthUser, @Body() dto: SchemePreviewDto) {
    return this.service.preview(user, dto);
  }
}
