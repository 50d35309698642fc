import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import { Instruction } from './instruction.entity';

/** Named queries over instructions (领导批示). `tx` joins a caller's transaction (UnitOfWork). */
@Injectable()
export class InstructionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** An article's instructions in date order. */
  findForArticle(articleId: number): Promise<Instruction[]> {
    return this.manager().find(Instruction, { where: { articleId }, order: { instructedDate: 'ASC', id: 'ASC' } });
  }

  findInOffice(officeId: number, id: number, tx?: EntityManager): Promise<Instruction | null> {
    return this.manager(tx).findOne(Instruction, { where: { id, officeId } });
  }

  insert(row: DeepPartial<Instruction>, tx?: EntityManager): Promise<Instruction> {
    const manager = this.manager(tx);
    return manager.save(Instruction, manager.create(Instruction, row));
  }

  async delete(id: number, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(Instruction, { id });
  }
}
