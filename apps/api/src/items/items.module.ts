import { Module } from '@nestjs/common';
import { SchemesModule } from '../schemes/schemes.module';
import { ItemKindsReader } from './item-kinds';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';

@Module({ imports: [SchemesModule], controllers: [ItemsController], providers: [ItemsService, ItemKindsReader], exports: [ItemsService] })
export class ItemsModule {}
