import { Module } from '@nestjs/common';
import { UploadsModule } from '../common/upload-limits';
import { ArticleDuplicatesService } from './article-duplicates.service';
import { ArticleSubmissionService } from './article-submission.service';
import { ArticlesSheetController } from './articles-sheet.controller';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';
import { ArticleExportService } from './import/article-export.service';
import { ArticleImportService } from './import/article-import.service';
import { HistoryImportService } from './import/history/history-import.service';
import { ItemKindsReader } from '../items/item-kinds';
import { OutletsModule } from '../outlets/outlets.module';
import { SchemesModule } from '../schemes/schemes.module';

@Module({
  imports: [UploadsModule, SchemesModule, OutletsModule],
  // The sheet routes first: articles/:id would otherwise catch articles/template.xlsx.
  controllers: [ArticlesSheetController, ArticlesController],
  providers: [ArticlesService, ArticleDuplicatesService, ArticleSubmissionService, ArticleImportService, ArticleExportService, HistoryImportService, ItemKindsReader],
  exports: [ArticlesService],
})
export class ArticlesModule {}
