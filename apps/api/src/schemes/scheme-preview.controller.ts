import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { ScorePreviewService } from '../score-ledger/score-preview.service';
import { SchemePreviewDto } from './dto/scheme.dto';
import { ApiAnswer } from '../common/openapi';

/** The scheme editor's what-if; the ledger computes it (it needs the records loader), hence its own module. */
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
