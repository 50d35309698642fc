import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { badRequest } from '../common/app-error';
import { BulkReviewDto, ENTRY_TYPES, EvidenceRuleQuery, REVIEW_ACTIONS, ReviewActionDto, ReviewQueueQuery, type EntryType, type ReviewAction } from './dto/review.dto';
import { ReviewQueueService } from './review-queue.service';
import { ReviewService } from './review.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer } from '../common/openapi';

@ApiTags('review 审核')
@Controller('review')
export class ReviewController {
  constructor(private readonly service: ReviewService, private readonly queue: ReviewQueueService) {}

  @Roles('officer', 'reviewer', 'office') @Get('queue')
  @ApiAnswer('QueueItem', 'page')
  list(@Auth() user: AuthUser, @Query() query: ReviewQueueQuery) {
    return this.queue.list(user, query);
  }

  @Roles('officer', 'reviewer', 'office') @Get('evidence-rule')
  @ApiAnswer('EvidenceRuleResponse')
  evidenceRule(@Auth() user: AuthUser, @Query() query: EvidenceRuleQuery) {
    return this.service.evidenceRule(user, query.date);
  }

  @Roles('officer', 'reviewer', 'office') @Post('bulk') @HttpCode(200)
  @ApiAnswer('BulkResult')
  bulk(@Auth() user: AuthUser, @Body() dto: BulkReviewDto) {
    return this.service.bulk(user, dto);
  }

  @Roles('officer', 'reviewer', 'office') @Post(':type/:id/:action') @HttpCode(200)
  @ApiAnswer('ReviewResult')
  act(@Auth() user: AuthUser, @Param('type') type: string, @Param('id', ParseIdPipe) id: number, @Param('action') action: string, @Body() dto: ReviewActionDto) {
    if (!ENTRY_TYPES.includes(type as EntryType)) throw badRequest('invalid_type', `未知的记录类型 ${type}`);
    if (!REVIEW_ACTIONS.includes(action as ReviewAction)) throw badRequest('invalid_action', `未知的审核操作 ${action}`);
    return this.service.act(user, type as EntryType, id, action as ReviewAction, dto.reason);
  }
}
