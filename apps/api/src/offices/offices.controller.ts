import { Body, Controller, Get, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, type AuthUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ParseQuarterPipe } from '../publication/quarter-param';
import { ChildOfficesService } from './child-offices.service';
import { contractRef } from '../common/openapi';
import { CreateOfficeDto, UpdateOfficeSettingsDto } from './dto/office.dto';
import { OfficesService } from './offices.service';
import { ParentRankingService } from './parent-ranking.service';
import { ApiAnswer, ApiFile } from '../common/openapi';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

@ApiTags('offices 组织部')
@Controller('offices')
export class OfficesController {
  constructor(
    private readonly service: OfficesService,
    private readonly children: ChildOfficesService,
    private readonly parentRankings: ParentRankingService,
  ) {}

  /** The caller's office and the offices below it. */
  @Roles('admin', 'office', 'leader') @Get()
  @ApiAnswer('OfficeResponse', 'list')
  list(@Auth() user: AuthUser) {
    return this.service.list(user);
  }

  /** A new office below the caller's own (or below one of its offices), with its first administrator. */
  @Roles('admin') @Post()
  @ApiAnswer('OfficeResponse')
  create(@Auth() user: AuthUser, @Body() dto: CreateOfficeDto) {
    return this.service.create(user, dto);
  }

  /** The caller's office's business settings (its own, the deployment's, those in force). */
  @Roles('admin', 'office') @Get('settings')
  @ApiOkResponse({ schema: contractRef('OfficeSettingsResponse') })
  settings(@Auth() user: AuthUser) {
    return this.service.settings(user);
  }

  /** Sets or clears (null) the caller's office's own business settings. */
  @Roles('admin', 'office') @Patch('settings')
  @ApiOkResponse({ schema: contractRef('OfficeSettingsResponse') })
  updateSettings(@Auth() user: AuthUser, @Body() dto: UpdateOfficeSettingsDto) {
    return this.service.updateSettings(user, dto);
  }

  /** The office's place in its parent's latest published ranking (`position` null when there is none). */
  @Roles('office', 'leader') @Get('parent-ranking')
  @ApiAnswer('LatestParentRanking')
  async latestParentRanking(@Auth() user: AuthUser) {
    return { position: await this.parentRankings.latest(user) };
  }

  /** The office's statement in the latest ranking its parent published (lines as frozen there). */
  @Roles('office', 'leader') @Get('parent-statement')
  @ApiOkResponse({ schema: contractRef('ParentStatementResponse') })
  latestParentStatement(@Auth() user: AuthUser) {
    return this.parentRankings.latestStatement(user);
  }

  /** The office's statement in the ranking its parent published for the quarter (latest revision). */
  @Roles('office', 'leader') @Get('parent-ranking/:quarter/statement')
  @ApiOkResponse({ schema: contractRef('ParentStatementResponse') })
  parentStatement(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string) {
    return this.parentRankings.statement(user, quarter);
  }

  /** The caller's office's place in the ranking its parent published for the quarter (latest revision). */
  @Roles('office', 'leader') @Get('parent-ranking/:quarter')
  @ApiAnswer('ParentRankingPosition')
  parentRanking(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string) {
    return this.parentRankings.position(user, quarter);
  }

  @Roles('office', 'leader') @Get(':id/notices')
  @ApiAnswer('NoticeResponse', 'list')
  notices(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.children.list(user, id);
  }

  @Roles('office', 'leader') @Get(':id/notices/:noticeId')
  @ApiAnswer('NoticeView')
  notice(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Param('noticeId', ParseIdPipe) noticeId: number) {
    return this.children.notice(user, id, noticeId);
  }

  @Roles('office', 'leader') @Get(':id/notices/:noticeId/notice.docx')
  @ApiFile(TYPES.docx)
  docx(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Param('noticeId', ParseIdPipe) noticeId: number, @Res() res: Response) {
    return this.send(user, id, noticeId, 'docx', res);
  }

  @Roles('office', 'leader') @Get(':id/notices/:noticeId/notice.xlsx')
  @ApiFile(TYPES.xlsx)
  xlsx(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Param('noticeId', ParseIdPipe) noticeId: number, @Res() res: Response) {
    return this.send(user, id, noticeId, 'xlsx', res);
  }

  @Roles('office', 'leader') @Get(':id/quarters/:quarter/snapshots/:revision')
  @ApiAnswer('SnapshotResponse')
  ranking(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Param('quarter', ParseQuarterPipe) quarter: string, @Param('revision', ParseIdPipe) revision: number) {
    return this.children.ranking(user, id, quarter, revision);
  }

  private async send(user: AuthUser, id: number, noticeId: number, format: 'docx' | 'xlsx', res: Response) {
    const { content, fileName } = await this.children.download(user, id, noticeId, format);
    res.setHeader('Content-Type', TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    res.send(content);
  }
}
