import type { DataSource } from 'typeorm';
import { CommissionTarget } from '../../apps/api/src/commissions/commission-target.entity';
import { Commission } from '../../apps/api/src/commissions/commission.entity';
import { nextSeq } from './sequence';

/** Inserts a 约稿 with its targets; a target with articleId has answered with that article. */
export class CommissionFactory {
  constructor(private readonly ds: DataSource) {}

  async create(o: {
    officeId: number;
    deadline: string;
    targets: { unitId: number; articleId?: number | null }[];
    topic?: string;
    issuedDate?: string;
  }): Promise<Commission> {
    return this.ds.transaction(async (manager) => {
      const commission = await manager.save(Commission, manager.create(Commission, {
        officeId: o.officeId,
        topic: o.topic ?? `测试约稿 ${nextSeq()}`,
        description: null,
        issuedDate: o.issuedDate ?? o.deadline,
        deadline: o.deadline,
        createdBy: null,
      }));
      for (const t of o.targets) {
        await manager.insert(CommissionTarget, { commissionId: commission.id, unitId: t.unitId, articleId: t.articleId ?? null, answeredAt: t.articleId ? new Date() : null });
      }
      return commission;
    });
  }
}
