import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Office } from '../offices/office.entity';

type Row = Record<string, unknown>;
const marks = (values: readonly unknown[]) => values.map(() => '?').join(',');

/**
 * The quarter's verified record as the notice lists it (adoptions with their outlets and units,
 * 批示, 约稿 targets, 事项, 加减分) and the offices it names. Exported by the ledger, which reads
 * the recording features' tables for scoring; every method reads in the caller's transaction
 * (the notice is frozen inside the publication's, so it sees exactly the snapshot's records).
 */
@Injectable()
export class QuarterRecordsRepository {
  officeById(tx: EntityManager, id: number): Promise<Office> {
    return tx.getRepository(Office).findOneByOrFail({ id });
  }

  /** Offices by id, in id order. */
  officesByIds(tx: EntityManager, ids: number[]): Promise<Office[]> {
    return tx.getRepository(Office).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
  }

  /**
   * One page of the verified placements of one office published up to `end`, with what the
   * notice lists of each (page, prominence; its article's status and title come from
   * `adoptedArticles`), in index order (date, id) after `after`: keyset paging, each page starts
   * in the index where the previous one stopped (one office: an IN list would sort every page).
   */
  verifiedPlacementsPage(tx: EntityManager, officeId: number, end: string, after: { date: string; id: number }, limit: number): Promise<Row[]> {
    return tx.query(
      `SELECT p.id AS id, p.outletId AS outletId, p.publishedDate AS publishedDate, p.articleId AS articleId, p.page AS page, p.prominence AS prominence
       FROM placements p
       WHERE p.officeId = ? AND p.status = 'verified' AND p.publishedDate >= ? AND p.publishedDate <= ? AND (p.publishedDate > ? OR p.id > ?)
       ORDER BY p.publishedDate, p.id LIMIT ${Number(limit)}`,
      [officeId, after.date, end, after.date, after.id],
    );
  }

  /** Articles' status, title and 约稿 by id (one IN list). */
  adoptedArticles(tx: EntityManager, ids: number[]): Promise<{ id: unknown; status: string; title: string; commissionId: unknown }[]> {
    return tx.query(`SELECT id, status, title, commissionId FROM articles WHERE id IN (${marks(ids)})`, ids);
  }

  /** Outlets' name, level and channel by id (one IN list: the caller chunks). */
  outletsByIds(tx: EntityManager, ids: number[]): Promise<Row[]> {
    return tx.query(`SELECT id, name, level, channel FROM outlets WHERE id IN (${marks(ids)})`, ids);
  }

  /** Which of these articles have a verified 批示 (one IN list). */
  async instructedArticles(tx: EntityManager, articleIds: number[]): Promise<number[]> {
    const rows: { articleId: unknown }[] = await tx.query(
      `SELECT DISTINCT articleId FROM instructions WHERE status = 'verified' AND articleId IN (${marks(articleIds)})`,
      articleIds,
    );
    return rows.map((r) => Number(r.articleId));
  }

  /** The signing units of articles in the order they were recorded, by unit id (one IN list). */
  articleUnitIds(tx: EntityManager, articleIds: number[]): Promise<{ articleId: unknown; unitId: unknown }[]> {
    return tx.query(`SELECT articleId, unitId FROM article_units WHERE articleId IN (${marks(articleIds)}) ORDER BY id`, articleIds);
  }

  /** Units' name and office by id (one IN list). */
  unitsByIds(tx: EntityManager, ids: number[]): Promise<{ id: unknown; name: string; officeId: unknown }[]> {
    return tx.query(`SELECT id, name, officeId FROM units WHERE id IN (${marks(ids)})`, ids);
  }

  /** The signing units of articles (name and office) in the order they were recorded (one IN list). */
  articleUnitNames(tx: EntityManager, articleIds: number[]): Promise<{ articleId: unknown; name: string; officeId: unknown }[]> {
    return tx.query(
      `SELECT au.articleId AS articleId, u.name AS name, u.officeId AS officeId FROM article_units au JOIN units u ON u.id = au.unitId
       WHERE au.articleId IN (${marks(articleIds)}) ORDER BY au.id`,
      articleIds,
    );
  }

  /** The first `limit` verified 批示 (of verified articles) of `officeIds` between `start` and `end` in date order, and how many there are. */
  async verifiedInstructions(tx: EntityManager, officeIds: number[], start: string, end: string, limit: number): Promise<{ total: number; rows: Row[] }> {
    const from = `FROM instructions i JOIN articles a ON a.id = i.articleId
       WHERE i.officeId IN (${marks(officeIds)}) AND i.instructedDate BETWEEN ? AND ? AND i.status = 'verified' AND a.status = 'verified'`;
    const params = [...officeIds, start, end];
    const [{ n }]: { n: unknown }[] = await tx.query(`SELECT COUNT(*) AS n ${from}`, params);
    const rows: Row[] = await tx.query(
      `SELECT i.articleId AS articleId, i.leaderTitle AS leaderTitle, i.level AS level, i.instructedDate AS date, a.title AS title
       ${from} ORDER BY i.instructedDate, i.id LIMIT ${Number(limit)}`,
      params,
    );
    return { total: Number(n), rows };
  }

  /** 约稿 due between `start` and `end`, a row per target with its unit's name and the verified answer's submission date. */
  commissionTargets(tx: EntityManager, officeId: number, start: string, end: string): Promise<Row[]> {
    return tx.query(
      `SELECT c.id AS id, c.topic AS topic, c.deadline AS deadline, u.name AS unitName, a.submittedDate AS submittedDate
       FROM commissions c JOIN commission_targets t ON t.commissionId = c.id JOIN units u ON u.id = t.unitId
       LEFT JOIN articles a ON a.id = t.articleId AND a.status = 'verified'
       WHERE c.officeId = ? AND c.deadline BETWEEN ? AND ? ORDER BY c.deadline, c.id, u.code`,
      [officeId, start, end],
    );
  }

  /** Verified 事项 between `start` and `end` with their unit's name, in date order. */
  verifiedItems(tx: EntityManager, officeId: number, start: string, end: string): Promise<Row[]> {
    return tx.query(
      `SELECT r.kind AS kind, r.title AS title, r.itemDate AS date, u.name AS unitName FROM item_records r JOIN units u ON u.id = r.unitId
       WHERE r.officeId = ? AND r.itemDate BETWEEN ? AND ? AND r.status = 'verified' ORDER BY r.itemDate, r.id`,
      [officeId, start, end],
    );
  }

  /** The quarter's approved 加减分 with their unit's name, by unit code. */
  approvedAdjustments(tx: EntityManager, officeId: number, quarter: string): Promise<Row[]> {
    return tx.query(
      `SELECT j.points AS points, j.reason AS reason, u.name AS unitName FROM adjustments j JOIN units u ON u.id = j.unitId
       WHERE j.officeId = ? AND j.quarter = ? AND j.status = 'approved' ORDER BY u.code, j.id`,
      [officeId, quarter],
    );
  }
}
