import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { SchemesModule } from '../schemes/schemes.module';
import { ReviewQueueService } from './review-queue.service';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

@Module({ imports: [ItemsModule, SchemesModule], controllers: [ReviewController], providers: [ReviewService, ReviewQueueService] })
export class ReviewModule {}
