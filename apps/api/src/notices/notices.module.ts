import { Module } from '@nestjs/common';
import { NoticeDataBuilder } from './notice-data.builder';
import { NoticeModelStore } from './notice-model.store';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

@Module({ controllers: [NoticesController], providers: [NoticesService, NoticeDataBuilder, NoticeModelStore], exports: [NoticeModelStore, NoticesService] })
export class NoticesModule {}
