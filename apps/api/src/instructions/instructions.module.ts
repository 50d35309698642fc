import { Module } from '@nestjs/common';

/** Placeholder until the feature lands; registered in AppModule so features do not touch it. */
@Module({})
export class InstructionsModule {}
