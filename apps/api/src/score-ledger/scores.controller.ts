import { Body, Controller, Get, Header, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { QuarterQuery, RecomputeDto, StatementQuery } from './dto/scores.dto';
import { ScoreLedgerService } from './score-ledger.service';
import { ScoresService } from './scores.service';
import { writeStatementSheet } from './statement-sheet';
import { quarterLabel } from '@app/contracts';
import { ApiAnswer, ApiAnswerSent, ApiFile } from '../common/openapi';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('scores 得分')
@Controller('scores')
export class ScoresController {
  constructor(
    private readonly scores: ScoresService,
    private readonly ledger: ScoreLedgerService,
    private readonly audit: AuditService,
  ) {}

  @Roles('office', 'admin') @Post('recompute')
  @ApiAnswer('JobResponse')
  recompute(@Auth() user: AuthUser, @Body() dto: RecomputeDto) {
    return this.ledger.enqueue(user, dto);
  }

  /** Totals and ranks are what a 通报 prints, so every role may read them; statements stay scoped. */
  @AnyRole() @Get('ranking')
  @ApiAnswerSent('RankingResponse')
  async ranking(@Auth() user: AuthUser, @Query() query: QuarterQuery, @Res() res: Response) {
    // Sent as serialised once (ScoresService.rankingBody); express answers 304 to its ETag.
    const { json, etag } = await this.scores.rankingBody(user.officeId, query.quarter);
    res.setHeader('ETag', etag);
    res.type('application/json').send(json);
  }

  @AnyRole() @Get('statement')
  @ApiQuery({ name: 'unitId', type: Number, required: false, description: '单位 id（信息员、审核人只能读本单位）' })
  @ApiAnswer('StatementResponse')
  statement(@Auth() user: AuthUser, @Query() query: StatementQuery) {
    return this.scores.statement(user, query.unitId, query.quarter);
  }

  @AnyRole() @Get('statement.xlsx') @Header('Content-Type', XLSX)
  @ApiFile(XLSX)
  async statementXlsx(@Auth() user: AuthUser, @Query() query: StatementQuery, @Res({ passthrough: true }) res: Response) {
    const statement = await this.scores.statement(user, query.unitId, query.quarter);
    await this.audit.record(user, 'export', 'statement', statement.unit.id, null, { quarter: statement.quarter });
    const name = `得分明细-${statement.unit.code}-${quarterLabel(statement.quarter)}.xlsx`;
    res.setHeader('Content-Disposition', `attachment; filename="statement-${statement.unit.code}-${statement.quarter}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    return new StreamableFile(await writeStatementSheet(statement));
  }
}
