import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { NoticesService } from './notices.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer, ApiFile } from '../common/openapi';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

@ApiTags('notices 通报')
@Controller('notices')
export class NoticesController {
  constructor(private readonly service: NoticesService) {}

  @AnyRole() @Get()
  @ApiAnswer('NoticeResponse', 'list')
  list(@Auth() user: AuthUser) {
    return this.service.list(user);
  }

  @AnyRole() @Get(':id')
  @ApiAnswer('NoticeView')
  view(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.view(user, id);
  }

  @Roles('office', 'leader') @Get(':id/readers')
  @ApiAnswer('NoticeReaders')
  readers(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.readers(user, id);
  }

  @AnyRole() @Get(':id/notice.docx')
  @ApiFile(TYPES.docx)
  docx(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    return this.send(user, id, 'docx', res);
  }

  @AnyRole() @Get(':id/notice.xlsx')
  @ApiFile(TYPES.xlsx)
  xlsx(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    return this.send(user, id, 'xlsx', res);
  }

  private async send(user: AuthUser, id: number, format: 'docx' | 'xlsx', res: Response) {
    const { content, fileName } = await this.service.download(user, id, format);
    res.setHeader('Content-Type', TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    res.send(content);
  }
}
