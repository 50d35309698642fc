import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { DisputesService } from './disputes.service';
import { AnswerDisputeDto, CloseQuarterDto, CreateDisputeDto, NoticeTextsDto, PublishQuarterDto } from './dto/quarter.dto';
import { ParseQuarterPipe } from './quarter-param';
import { QuartersService } from './quarters.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { XLSX_TYPE, xlsxAttachment } from '../common/xlsx/download';
import { ApiAnswer, ApiFile } from '../common/openapi';

@ApiTags('quarters 季度')
@Controller('quarters')
export class QuartersController {
  constructor(private readonly service: QuartersService, private readonly disputes: DisputesService) {}

  @AnyRole() @Get()
  @ApiAnswer('QuarterResponse', 'list')
  list(@Auth() user: AuthUser) {
    return this.service.list(user);
  }

  @Roles('office', 'leader') @Get(':quarter')
  @ApiAnswer('QuarterDetailResponse')
  get(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string) {
    return this.service.get(user, quarter);
  }

  @AnyRole() @Get(':quarter/snapshots/:revision')
  @ApiAnswer('SnapshotResponse')
  snapshot(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string, @Param('revision', ParseIdPipe) revision: number) {
    return this.service.snapshot(user, quarter, revision);
  }

  @AnyRole() @Get(':quarter/snapshots/:revision/ranking.xlsx') @Header('Content-Type', XLSX_TYPE) @Header('Content-Disposition', xlsxAttachment('ranking.xlsx', '得分排名.xlsx'))
  @ApiFile(XLSX_TYPE)
  async rankingSheet(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string, @Param('revision', ParseIdPipe) revision: number) {
    return new StreamableFile(await this.service.rankingSheet(user, quarter, revision));
  }

  @Roles('office') @Post(':quarter/review') @HttpCode(200)
  @ApiAnswer('ReviewOpened')
  openReview(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string) {
    return this.service.openReview(user, user.officeId, quarter);
  }

  @Roles('office') @Post(':quarter/close') @HttpCode(200)
  @ApiAnswer('QuarterClosed')
  close(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string, @Body() dto: CloseQuarterDto) {
    return this.service.close(user, quarter, dto);
  }

  @Roles('office') @Post(':quarter/reopen') @HttpCode(200)
  @ApiAnswer('QuarterReopened')
  reopen(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string) {
    return this.service.reopen(user, quarter);
  }

  @Roles('office') @Patch(':quarter/notice-texts')
  @ApiAnswer('StoredNoticeTexts')
  updateTexts(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string, @Body() dto: NoticeTextsDto) {
    return this.service.updateTexts(user, quarter, dto);
  }

  @Roles('office') @Post(':quarter/publish') @HttpCode(202)
  @ApiAnswer('JobResponse')
  publish(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string, @Body() dto: PublishQuarterDto) {
    return this.service.publish(user, quarter, dto);
  }

  @AnyRole() @Get(':quarter/disputes')
  @ApiAnswer('DisputeResponse', 'list')
  listDisputes(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string) {
    return this.disputes.list(user, quarter);
  }

  @Roles('officer', 'reviewer', 'office') @Post(':quarter/disputes')
  @ApiAnswer('DisputeRecord')
  createDispute(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string, @Body() dto: CreateDisputeDto) {
    return this.disputes.create(user, quarter, dto);
  }

  @Roles('office') @Post(':quarter/disputes/:id/answer') @HttpCode(200)
  @ApiAnswer('DisputeRecord')
  answerDispute(@Auth() user: AuthUser, @Param('quarter', ParseQuarterPipe) quarter: string, @Param('id', ParseIdPipe) id: number, @Body() dto: AnswerDisputeDto) {
    return this.disputes.answer(user, quarter, id, dto);
  }
}
