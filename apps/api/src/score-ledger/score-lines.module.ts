import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RankingCache } from './ranking-cache';
import { ScoreLedgerRepository } from './score-ledger.repository';
import { ScoreLine } from './score-line.entity';

/**
 * The stored score lines alone, with no scheme logic: what the schemes feature asks to drop a
 * version's lines through, without the ledger (which reads schemes) and schemes importing each other.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ScoreLine])],
  providers: [RankingCache, ScoreLedgerRepository],
  exports: [RankingCache, ScoreLedgerRepository],
})
export class ScoreLinesModule {}
