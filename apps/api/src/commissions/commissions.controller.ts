import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { CommissionAnswersService } from './commission-answers.service';
import { CommissionsService } from './commissions.service';
import { AnswerCommissionDto, CompletionQuery, CreateCommissionDto, ListCommissionsQuery, RecordAnswerDto, UpdateCommissionDto } from './dto/commission.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer, ApiNoContent } from '../common/openapi';

@ApiTags('commissions 约稿')
@Controller('commissions')
export class CommissionsController {
  constructor(
    private readonly service: CommissionsService,
    private readonly answers: CommissionAnswersService,
  ) {}

  @Roles('office', 'leader', 'officer', 'reviewer') @Get()
  @ApiAnswer('CommissionResponse', 'page')
  list(@Auth() user: AuthUser, @Query() query: ListCommissionsQuery) {
    return this.service.list(user, query);
  }

  /** The unit's inbox: commissions that target the caller's unit, with its own target's status. */
  @Roles('officer', 'reviewer') @Get('inbox')
  @ApiAnswer('CommissionResponse', 'page')
  inbox(@Auth() user: AuthUser, @Query() query: ListCommissionsQuery) {
    return this.service.list(user, query);
  }

  @Roles('office', 'leader', 'officer', 'reviewer') @Get('completion')
  @ApiAnswer('CompletionReport')
  completion(@Auth() user: AuthUser, @Query() query: CompletionQuery) {
    return this.answers.completion(user, query);
  }

  @Roles('office', 'leader', 'officer', 'reviewer') @Get(':id')
  @ApiAnswer('CommissionResponse')
  get(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.get(user, id);
  }

  @Roles('office') @Post()
  @ApiAnswer('CommissionResponse')
  create(@Auth() user: AuthUser, @Body() dto: CreateCommissionDto) {
    return this.service.create(user, dto);
  }

  @Roles('office') @Patch(':id')
  @ApiAnswer('CommissionResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateCommissionDto) {
    return this.service.update(user, id, dto);
  }

  @Roles('office') @Delete(':id') @HttpCode(204)
  @ApiNoContent()
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }

  /** The office records a unit's answer received by e-mail, on paper or by phone, with its real time. */
  @Roles('office') @Put(':id/targets/:unitId/answer')
  @ApiAnswer('CommissionTargetResponse')
  recordAnswer(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Param('unitId', ParseIdPipe) unitId: number, @Body() dto: RecordAnswerDto) {
    return this.answers.record(user, id, unitId, dto);
  }

  @Roles('officer', 'reviewer') @Post(':id/answer') @HttpCode(200)
  @ApiAnswer('CommissionTargetResponse')
  answer(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: AnswerCommissionDto) {
    return this.answers.answer(user, id, dto);
  }
}
