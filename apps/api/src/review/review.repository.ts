import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { EntryStatus } from '@app/contracts';
import { Article } from '../articles/article.entity';
import { Instruction } from '../instructions/instruction.entity';
import { ItemRecord } from '../items/item-record.entity';
import { Placement } from '../placements/placement.entity';
import type { EntryType } from './dto/review.dto';

const ENTITY = { articles: Article, placements: Placement, instructions: Instruction, items: ItemRecord } as const;

/**
 * Named queries of the review workflow. Review moves entries of four features (articles,
 * placements, instructions, 事项) through one state machine, so these read and write those
 * features' tables: they stay here until each has a repository the workflow can call.
 * Every move runs in a transaction (UnitOfWork), so each query takes its `tx`.
 */
@Injectable()
export class ReviewRepository {
  /** A placement or instruction of the office, or null. */
  findChildEntry(type: 'placements' | 'instructions', id: number, officeId: number, tx: EntityManager): Promise<Placement | Instruction | null> {
    return tx.findOne(ENTITY[type] as typeof Placement, { where: { id, officeId } });
  }

  /** An article's placements or instructions in one of `states`, in id order. */
  findChildrenInStates(type: 'placements' | 'instructions', articleId: number, states: EntryStatus[], tx: EntityManager): Promise<(Placement | Instruction)[]> {
    return tx.find(ENTITY[type] as typeof Placement, { where: { articleId, status: In(states) }, order: { id: 'ASC' } });
  }

  /** Writes an entry's review columns (status, note, verification). */
  async setReviewColumns(type: EntryType, id: number, changes: Partial<Placement>, tx: EntityManager): Promise<void> {
    await tx.update(ENTITY[type] as typeof Placement, { id }, changes);
  }
}
