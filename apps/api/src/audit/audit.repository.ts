import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEntry } from './audit-entry.entity';

/** The audit_log insert (backquotes: SQLite and MariaDB both take them; BEFORE is reserved in MariaDB). */
const INSERT_ENTRY = 'INSERT INTO audit_log (officeId, userId, username, action, entity, entityId, `before`, `after`, address, userAgent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** A snapshot as its simple-json column stores it. */
const storedJson = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** Named writes of the audit log. `tx` joins a caller's transaction (UnitOfWork). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one entry. Plain SQL: nobody reads the entry back (no re-select of its id and
   * createdAt), and every change of every route writes one, so building TypeORM's insert each
   * time cost more than running it. createdAt takes the column's default, as with that insert.
   */
  async insert(entry: Omit<AuditEntry, 'id' | 'createdAt'>, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource.manager).query(INSERT_ENTRY, [
      entry.officeId, entry.userId, entry.username, entry.action, entry.entity, entry.entityId,
      storedJson(entry.before), storedJson(entry.after), entry.address, entry.userAgent,
    ]);
  }
}
