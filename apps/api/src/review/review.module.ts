import { Module } from '@nestjs/common';
import { ReviewQueueService } from './review-queue.service';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

@Module({ controllers: [ReviewController], providers: [ReviewService, ReviewQueueService] })
export class ReviewModule {}
