import { Module } from '@nestjs/common';
import { ArticleDuplicatesService } from './article-duplicates.service';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';

@Module({
  controllers: [ArticlesController],
  providers: [ArticlesService, ArticleDuplicatesService],
  exports: [ArticlesService],
})
export class ArticlesModule {}
