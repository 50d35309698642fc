import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UploadsModule } from '../common/upload-limits';
import { UsersModule } from '../users/users.module';
import { Outlet } from './outlet.entity';
import { OutletsController } from './outlets.controller';
import { OutletsRepository } from './outlets.repository';
import { OutletsService } from './outlets.service';

@Module({
  imports: [TypeOrmModule.forFeature([Outlet]), UploadsModule, UsersModule],
  controllers: [OutletsController],
  providers: [OutletsService, OutletsRepository],
  exports: [OutletsService, OutletsRepository],
})
export class OutletsModule {}
