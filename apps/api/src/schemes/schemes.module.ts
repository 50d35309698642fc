import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScoreLinesModule } from '../score-ledger/score-lines.module';
import { SchemeVersion } from './scheme-version.entity';
import { SchemesController } from './schemes.controller';
import { SchemesRepository } from './schemes.repository';
import { SchemesService } from './schemes.service';

/**
 * 计分办法 versions; the score ledger reads the version in force through SchemesService. Deleting
 * a version drops its lines through the ledger's store (ScoreLinesModule).
 */
@Module({
  imports: [TypeOrmModule.forFeature([SchemeVersion]), ScoreLinesModule],
  controllers: [SchemesController],
  providers: [SchemesRepository, SchemesService],
  exports: [SchemesService],
})
export class SchemesModule {}
