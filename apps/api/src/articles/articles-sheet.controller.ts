import { Controller, Get, Header, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors, Body } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { toJobResponse } from '../jobs/jobs.service';
import { ListArticlesQuery } from './dto/article.dto';
import { ArticleExportService } from './import/article-export.service';
import { ArticleImportService } from './import/article-import.service';
import { ImportArticlesDto } from './import/dto/article-import.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer, ApiFile } from '../common/openapi';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, chinese: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;

/** Spreadsheet template, import (queued) with its report, and export of articles with their placements. */
@ApiTags('articles 稿件')
@Controller('articles')
export class ArticlesSheetController {
  constructor(private readonly imports: ArticleImportService, private readonly exports: ArticleExportService) {}

  @Roles('officer', 'office', 'admin') @Get('template.xlsx')
  @Header('Content-Type', XLSX) @Header('Content-Disposition', attachment('articles-template.xlsx', '稿件录用导入模板.xlsx'))
  @ApiFile(XLSX)
  async template(@Auth() user: AuthUser) {
    return new StreamableFile(await this.exports.template(user));
  }

  /** Same filters as GET /api/articles (paging ignored); officers and reviewers get their unit's articles. */
  @AnyRole() @Get('export.xlsx')
  @Header('Content-Type', XLSX) @Header('Content-Disposition', attachment('articles.xlsx', '稿件录用.xlsx'))
  @ApiFile(XLSX)
  async export(@Auth() user: AuthUser, @Query() query: ListArticlesQuery) {
    return new StreamableFile(await this.exports.export(user, query));
  }

  @Roles('officer', 'office', 'admin') @Post('import') @ApiConsumes('multipart/form-data') @UseInterceptors(FileInterceptor('file'))
  @ApiAnswer('JobResponse')
  async import(@Auth() user: AuthUser, @UploadedFile() file: Express.Multer.File, @Body() dto: ImportArticlesDto) {
    return toJobResponse(await this.imports.startImport(user, file, dto));
  }

  @Roles('officer', 'office', 'admin') @Get('import/:jobId/report.xlsx')
  @Header('Content-Type', XLSX) @Header('Content-Disposition', attachment('import-report.xlsx', '导入检查结果.xlsx'))
  @ApiFile(XLSX)
  async report(@Auth() user: AuthUser, @Param('jobId', ParseIdPipe) jobId: number) {
    return new StreamableFile(await this.imports.report(user, jobId));
  }
}
