import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { ArticleDuplicatesService } from './article-duplicates.service';
import { ArticleSubmissionService } from './article-submission.service';
import { ArticlesService } from './articles.service';
import { BulkDeleteArticlesDto, CreateArticleDto, ListArticlesQuery, RecordSubmissionDto, SimilarQuery, UpdateArticleDto } from './dto/article.dto';
import { OtherArticleDto } from './dto/duplicate.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer, ApiNoContent } from '../common/openapi';

@ApiTags('articles 稿件')
@Controller('articles')
export class ArticlesController {
  constructor(
    private readonly service: ArticlesService,
    private readonly duplicates: ArticleDuplicatesService,
    private readonly submissions: ArticleSubmissionService,
  ) {}

  @AnyRole() @Get()
  @ApiAnswer('ArticleResponse', 'page')
  list(@Auth() user: AuthUser, @Query() query: ListArticlesQuery) {
    return this.service.list(user, query);
  }

  /** Possible duplicates while typing a title. */
  @Roles('officer', 'reviewer', 'office', 'admin') @Get('similar')
  @ApiAnswer('SimilarArticle', 'list')
  similar(@Auth() user: AuthUser, @Query() query: SimilarQuery) {
    return this.duplicates.similar(user, query.title, query.excludeId);
  }

  @AnyRole() @Get(':id')
  @ApiAnswer('ArticleResponse')
  get(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.get(user, id);
  }

  @Roles('officer', 'office', 'admin') @Post()
  @ApiAnswer('ArticleResponse')
  create(@Auth() user: AuthUser, @Body() dto: CreateArticleDto) {
    return this.service.create(user, dto);
  }

  @Roles('officer', 'office', 'admin') @Patch(':id')
  @ApiAnswer('ArticleResponse')
  update(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateArticleDto) {
    return this.service.update(user, id, dto);
  }

  /** Several drafts at once (with their draft placements and 批示); one answer per article. */
  @Roles('officer', 'office', 'admin') @Post('bulk-delete') @HttpCode(200)
  @ApiAnswer('BulkDeleteResult')
  bulkRemove(@Auth() user: AuthUser, @Body() dto: BulkDeleteArticlesDto) {
    return this.service.bulkRemove(user, dto.ids);
  }

  /** The office records or corrects when the article really reached it, and how. */
  @Roles('office') @Put(':id/submission')
  @ApiAnswer('ArticleResponse')
  recordSubmission(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: RecordSubmissionDto) {
    return this.submissions.record(user, id, dto);
  }

  @Roles('officer', 'office', 'admin') @Delete(':id') @HttpCode(204)
  @ApiNoContent()
  remove(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.remove(user, id);
  }

  @Roles('office', 'admin') @Post(':id/merge') @HttpCode(204)
  @ApiNoContent()
  merge(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: OtherArticleDto) {
    return this.duplicates.merge(user, id, dto.otherId);
  }

  @Roles('office', 'admin') @Post(':id/distinct') @HttpCode(204)
  @ApiNoContent()
  markDistinct(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: OtherArticleDto) {
    return this.duplicates.markDistinct(user, id, dto.otherId);
  }
}
