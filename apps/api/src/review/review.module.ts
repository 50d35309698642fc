import { Module } from '@nestjs/common';
import { EvidenceFilesModule } from '../evidence/evidence-files.module';
import { ItemsModule } from '../items/items.module';
import { SchemesModule } from '../schemes/schemes.module';
import { ReviewQueueRepository } from './review-queue.repository';
import { ReviewQueueService } from './review-queue.service';
import { ReviewController } from './review.controller';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';

@Module({
  imports: [ItemsModule, SchemesModule, EvidenceFilesModule],
  controllers: [ReviewController],
  providers: [ReviewService, ReviewQueueService, ReviewRepository, ReviewQueueRepository],
})
export class ReviewModule {}
