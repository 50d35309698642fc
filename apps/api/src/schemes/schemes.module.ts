import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SchemeVersion } from './scheme-version.entity';
import { SchemesController } from './schemes.controller';
import { SchemesService } from './schemes.service';

/** 计分办法 versions; the score ledger reads the version in force through SchemesService. */
@Module({
  imports: [TypeOrmModule.forFeature([SchemeVersion])],
  controllers: [SchemesController],
  providers: [SchemesService],
  exports: [SchemesService],
})
export class SchemesModule {}
