import type { DataSource } from 'typeorm';
import type { EntryStatus, Level } from '@app/contracts';
import type { Article } from '../../apps/api/src/articles/article.entity';
import { Instruction } from '../../apps/api/src/instructions/instruction.entity';
import { reviewColumns } from './records';

/** Inserts a leader's instruction on an article (verified unless told otherwise). */
export class InstructionFactory {
  constructor(private readonly ds: DataSource) {}

  async create(o: { article: Pick<Article, 'id' | 'officeId'>; level: Level; instructedDate: string; leaderTitle?: string; status?: EntryStatus }): Promise<Instruction> {
    return this.ds.getRepository(Instruction).save({
      officeId: o.article.officeId,
      articleId: o.article.id,
      leaderTitle: o.leaderTitle ?? '领导',
      level: o.level,
      instructedDate: o.instructedDate,
      content: null,
      ...reviewColumns(o.status),
    });
  }
}
