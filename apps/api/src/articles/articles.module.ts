import { Module } from '@nestjs/common';
import { UploadsModule } from '../common/upload-limits';
import { CommissionsModule } from '../commissions/commissions.module';
import { ArticleDuplicatesService } from './article-duplicates.service';
import { ArticleSubmissionService } from './article-submission.service';
import { ArticlesSheetController } from './articles-sheet.controller';
import { ArticlesController } from './articles.controller';
import { ArticlesRepository } from './articles.repository';
import { ArticlesService } from './articles.service';
import { ArticleExportService } from './import/article-export.service';
import { ArticleImportRepository } from './import/article-import.repository';
import { ArticleImportService } from './import/article-import.service';
import { BackfillMarker } from './import/history/backfill-marker';
import { HistoryImportService } from './import/history/history-import.service';
import { ItemKindsReader } from '../items/item-kinds';
import { OutletsModule } from '../outlets/outlets.module';
import { SchemesModule } from '../schemes/schemes.module';

@Module({
  // CommissionsModule: a deleted or merged article's 约稿 answers are CommissionsService's to move.
  // OutletsModule: the import and export read the outlets visible to the office (its own and those above).
  imports: [UploadsModule, SchemesModule, CommissionsModule, OutletsModule],
  // The sheet routes first: articles/:id would otherwise catch articles/template.xlsx.
  controllers: [ArticlesSheetController, ArticlesController],
  providers: [ArticlesRepository, ArticleImportRepository, ArticlesService, ArticleDuplicatesService, ArticleSubmissionService, ArticleImportService, ArticleExportService, HistoryImportService, ItemKindsReader, BackfillMarker],
  // BackfillMarker: publication plugs in how a loaded past quarter is marked 补录.
  exports: [ArticlesService, ArticlesRepository, BackfillMarker],
})
export class ArticlesModule {}
