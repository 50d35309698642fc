import { AuditEntry } from '../audit/audit-entry.entity';
import { JobRecord } from '../jobs/job-record.entity';
import { Office } from '../offices/office.entity';
import { Outlet } from '../outlets/outlet.entity';
import { RankingGroup } from '../units/ranking-group.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';

/** Every entity, listed explicitly: globs break between the swc build, jest and the CLI. */
export const ENTITIES = [Office, RankingGroup, Unit, Outlet, User, JobRecord, AuditEntry];
