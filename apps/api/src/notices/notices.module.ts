import { Module } from '@nestjs/common';
import { NoticeDataBuilder } from './notice-data.builder';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

@Module({ controllers: [NoticesController], providers: [NoticesService, NoticeDataBuilder], exports: [NoticesService] })
export class NoticesModule {}
