import { In, type EntityManager, type ObjectLiteral, type EntityTarget } from 'typeorm';
import { Adjustment } from '../adjustments/adjustment.entity';
import { Article } from '../articles/article.entity';
import { Commission } from '../commissions/commission.entity';
import { CommissionTarget } from '../commissions/commission-target.entity';
import { Instruction } from '../instructions/instruction.entity';
import { ItemRecord } from '../items/item-record.entity';
import { MonthlyReport } from '../monthly-reports/monthly-report.entity';
import { Outlet } from '../outlets/outlet.entity';
import { Placement } from '../placements/placement.entity';
import { Dispute } from '../publication/dispute.entity';
import { RankingSnapshot } from '../publication/ranking-snapshot.entity';
import { SchemeVersion } from '../schemes/scheme-version.entity';
import { ScoreLine } from '../score-ledger/score-line.entity';
import { RankingGroup } from '../units/ranking-group.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import type { AuditEntry } from './audit-entry.entity';

export interface AuditSubject {
  label: string;
  link: string | null;
}

const QUARTER_NUMERALS = ['一', '二', '三', '四'];

/** 2026-Q1 → 2026年第一季度 */
export function quarterName(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? `${m[1]}年第${QUARTER_NUMERALS[Number(m[2]) - 1]}季度` : quarter;
}

/**
 * Names the objects of a page of audit entries by their title or name, with the page that
 * shows each. Reads (never writes) the tables of the features audited, a handful of batched
 * lookups per page; an object deleted since is named from the entry's own before-image.
 */
export async function resolveSubjects(manager: EntityManager, officeId: number, entries: AuditEntry[]): Promise<Map<number, AuditSubject>> {
  const ids = (entity: string) => [...new Set(entries.filter((e) => e.entity === entity).map((e) => Number(e.entityId)).filter(Number.isInteger))];
  const load = async <T extends ObjectLiteral>(target: EntityTarget<T>, list: number[], extra: object = {}): Promise<Map<number, T>> => {
    if (list.length === 0) return new Map();
    const rows = await manager.getRepository(target).find({ where: { id: In(list), ...extra } as never });
    return new Map(rows.map((r) => [Number(r.id), r]));
  };
  const own = { officeId };

  const placements = await load(Placement, ids('placement'), own);
  const instructions = await load(Instruction, ids('instruction'), own);
  const targets = await load(CommissionTarget, ids('commission_target'));
  const disputes = await load(Dispute, ids('dispute'), own);
  const reports = await load(MonthlyReport, ids('monthly_report'), own);
  const adjustments = await load(Adjustment, ids('adjustment'), own);
  const items = await load(ItemRecord, ids('item'), own);
  const lines = await load(ScoreLine, [...disputes.values()].map((d) => d.scoreLineId).filter((x): x is number => x !== null));
  const articleIds = [...ids('article'), ...[...placements.values(), ...instructions.values()].map((p) => p.articleId)];
  const articles = await load(Article, [...new Set(articleIds)], own);
  const outlets = await load(Outlet, [...new Set([...ids('outlet'), ...[...placements.values()].map((p) => p.outletId)])], own);
  const commissions = await load(Commission, [...new Set([...ids('commission'), ...[...targets.values()].map((t) => t.commissionId)])], own);
  const unitIds = [...ids('unit'), ...ids('statement'), ...[...targets.values(), ...disputes.values(), ...reports.values(), ...adjustments.values()].map((x) => x.unitId)];
  const units = await load(Unit, [...new Set(unitIds)], own);
  const groups = await load(RankingGroup, ids('rankingGroup'), own);
  const users = await load(User, ids('user'), own);
  const versions = await load(SchemeVersion, ids('scheme_version'), own);
  const snapshots = await load(RankingSnapshot, [...ids('notice'), ...ids('rankings')], own);

  const unitName = (id: number) => units.get(id)?.name ?? `单位 #${id}`;
  const articleTitle = (id: number) => (articles.has(id) ? `《${articles.get(id)!.title}》` : `稿件 #${id}`);
  const result = new Map<number, AuditSubject>();
  for (const e of entries) {
    const id = Number(e.entityId);
    const gone = goneLabel(e);
    let subject: AuditSubject | null = null;
    switch (e.entity) {
      case 'article':
        subject = { label: articles.has(id) ? articleTitle(id) : gone ?? `稿件 #${id}`, link: articles.has(id) ? `/articles/${id}` : null };
        break;
      case 'placement': {
        const p = placements.get(id);
        subject = p ? { label: `${articleTitle(p.articleId)} 在${outlets.get(p.outletId)?.name ?? '—'}的录用`, link: `/articles/${p.articleId}` } : null;
        break;
      }
      case 'instruction': {
        const i = instructions.get(id);
        subject = i ? { label: `${articleTitle(i.articleId)} 获${i.leaderTitle}批示`, link: `/articles/${i.articleId}` } : null;
        break;
      }
      case 'item': {
        const i = items.get(id);
        subject = i ? { label: `${unitName(i.unitId)}：${i.title}`, link: '/items' } : null;
        break;
      }
      case 'adjustment': {
        const a = adjustments.get(id);
        subject = a ? { label: `${unitName(a.unitId)} ${quarterName(a.quarter)}加减分：${a.reason}`, link: `/adjustments?quarter=${a.quarter}` } : null;
        break;
      }
      case 'commission':
        subject = commissions.has(id) ? { label: `约稿「${commissions.get(id)!.topic}」`, link: `/commissions/${id}` } : null;
        break;
      case 'commission_target': {
        const t = targets.get(id);
        const c = t ? commissions.get(t.commissionId) : undefined;
        subject = t && c ? { label: `${unitName(t.unitId)}的约稿任务「${c.topic}」`, link: `/commissions/${t.commissionId}` } : null;
        break;
      }
      case 'monthly_report': {
        const r = reports.get(id);
        subject = r ? { label: `${unitName(r.unitId)} ${r.month.replace('-', '年')}月月报`, link: `/monthly-reports/compliance?month=${r.month}` } : null;
        break;
      }
      case 'dispute': {
        const d = disputes.get(id);
        const line = d?.scoreLineId ? lines.get(d.scoreLineId) : undefined;
        subject = d
          ? {
            label: `${unitName(d.unitId)} ${quarterName(d.quarter)}的异议${line ? `：${line.explanation}` : ''}`,
            link: `/scores?quarter=${d.quarter}&unitId=${d.unitId}${d.scoreLineId ? `&line=${d.scoreLineId}` : ''}`,
          }
          : null;
        break;
      }
      case 'statement': {
        const quarter = (e.after as { quarter?: string } | null)?.quarter;
        subject = { label: `${unitName(id)}${quarter ? ` ${quarterName(quarter)}` : ''}得分明细`, link: `/scores?${quarter ? `quarter=${quarter}&` : ''}unitId=${id}` };
        break;
      }
      case 'unit':
        subject = units.has(id) ? { label: unitName(id), link: '/units' } : null;
        break;
      case 'rankingGroup':
        subject = groups.has(id) ? { label: groups.get(id)!.name, link: '/ranking-groups' } : null;
        break;
      case 'outlet':
        subject = outlets.has(id) ? { label: outlets.get(id)!.name, link: '/outlets' } : null;
        break;
      case 'user':
        subject = users.has(id) ? { label: `${users.get(id)!.displayName}（${users.get(id)!.username}）`, link: '/users' } : null;
        break;
      case 'scheme_version':
        subject = versions.has(id) ? { label: `${versions.get(id)!.name} 第${versions.get(id)!.versionNo}版`, link: `/schemes/${id}` } : null;
        break;
      case 'quarter':
      case 'notice-texts':
        subject = { label: quarterName(e.entityId), link: `/quarters/${e.entityId}` };
        break;
      case 'notice': {
        const s = snapshots.get(id);
        subject = s ? { label: `${quarterName(s.quarter)}通报${s.revision > 1 ? `（第${s.revision}版）` : ''}`, link: `/notices/${id}` } : null;
        break;
      }
      case 'rankings': {
        const s = snapshots.get(id);
        subject = s ? { label: `${quarterName(s.quarter)}得分排名${s.revision > 1 ? `（第${s.revision}版）` : ''}`, link: `/rankings?quarter=${s.quarter}` } : null;
        break;
      }
      case 'year-ranking':
        subject = { label: `${e.entityId}年度得分汇总`, link: '/rankings' };
        break;
      case 'monthly-compliance': {
        const month = (e.after as { month?: string } | null)?.month;
        subject = { label: `${month ? `${month.replace('-', '年')}月` : ''}月报情况`, link: month ? `/monthly-reports/compliance?month=${month}` : '/monthly-reports/compliance' };
        break;
      }
      case 'audit':
        subject = { label: '按条件导出的审计日志', link: '/audit' };
        break;
      case 'article-import':
      case 'import-report':
        subject = { label: `导入任务 #${e.entityId}`, link: '/jobs' };
        break;
      case 'outlet-import':
        subject = { label: `媒体刊物导入 ${(e.after as { fileName?: string } | null)?.fileName ?? ''}`.trim(), link: '/outlets' };
        break;
      case 'articles':
        subject = { label: '按条件导出的稿件', link: null };
        break;
      case 'session':
        subject = { label: '登录会话', link: null };
        break;
    }
    result.set(e.id, subject ?? { label: gone ?? `#${e.entityId}（已删除）`, link: null });
  }
  return result;
}

/** The title or name an entry's own before/after image holds (an object deleted since). */
function goneLabel(e: AuditEntry): string | null {
  for (const image of [e.before, e.after]) {
    if (image && typeof image === 'object') {
      const o = image as Record<string, unknown>;
      const name = o.title ?? o.name ?? o.topic ?? o.displayName ?? o.reason;
      if (typeof name === 'string' && name) return `${name}（已删除）`;
    }
  }
  return null;
}
