import { Module } from '@nestjs/common';
import { EvidenceFilesModule } from '../evidence/evidence-files.module';
import { SchemesModule } from '../schemes/schemes.module';
import { UnitsModule } from '../units/units.module';
import { ItemKindsReader } from './item-kinds';
import { ItemsController } from './items.controller';
import { ItemsRepository } from './items.repository';
import { ItemsService } from './items.service';

@Module({
  imports: [SchemesModule, EvidenceFilesModule, UnitsModule],
  controllers: [ItemsController],
  providers: [ItemsService, ItemKindsReader, ItemsRepository],
  exports: [ItemsService, ItemsRepository],
})
export class ItemsModule {}
