import { Module } from '@nestjs/common';
import { ScoreLedgerModule } from '../score-ledger/score-ledger.module';
import { SchemePreviewController } from './scheme-preview.controller';

/**
 * `POST /schemes/preview`, apart from SchemesModule: the ledger computes the preview and itself
 * reads schemes, so SchemesModule importing the ledger would be a cycle.
 */
@Module({ imports: [ScoreLedgerModule], controllers: [SchemePreviewController] })
export class SchemePreviewModule {}
