import { Adjustment } from '../adjustments/adjustment.entity';
import { ArticleDistinctPair } from '../articles/article-distinct-pair.entity';
import { ArticleUnit } from '../articles/article-unit.entity';
import { Article } from '../articles/article.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { LoginThrottle } from '../auth/login-throttle.entity';
import { PasswordHistory } from '../auth/password-history.entity';
import { Session } from '../auth/session.entity';
import { CommissionTarget } from '../commissions/commission-target.entity';
import { Commission } from '../commissions/commission.entity';
import { EvidenceFile } from '../evidence/evidence-file.entity';
import { NoticeDocument } from '../notices/notice-document.entity';
import { NoticeModel } from '../notices/notice-model.entity';
import { NoticeRead } from '../notices/notice-read.entity';
import { Notification } from '../notifications/notification.entity';
import { HistoryRecord } from '../articles/import/history/history-record.entity';
import { NotificationDelivery } from '../reminders/notification-delivery.entity';
import { Dispute } from '../publication/dispute.entity';
import { QuarterPeriod } from '../publication/quarter-period.entity';
import { RankingSnapshot } from '../publication/ranking-snapshot.entity';
import { SnapshotLine } from '../publication/snapshot-line.entity';
import { SnapshotUnit } from '../publication/snapshot-unit.entity';
import { Instruction } from '../instructions/instruction.entity';
import { ItemRecord } from '../items/item-record.entity';
import { JobRecord } from '../jobs/job-record.entity';
import { JobRequest } from '../jobs/job-request.entity';
import { MonthlyReport } from '../monthly-reports/monthly-report.entity';
import { Office } from '../offices/office.entity';
import { Outlet } from '../outlets/outlet.entity';
import { Placement } from '../placements/placement.entity';
import { SchemeVersion } from '../schemes/scheme-version.entity';
import { LedgerDirty } from '../score-ledger/ledger-dirty.entity';
import { ScoreLine } from '../score-ledger/score-line.entity';
import { RankingGroup } from '../units/ranking-group.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';

/** Every entity, listed explicitly: globs break between the swc build, jest and the CLI. */
export const ENTITIES = [
  Office, RankingGroup, Unit, Outlet, User, JobRecord, JobRequest, AuditEntry, Session, LoginThrottle, PasswordHistory,
  Article, ArticleUnit, ArticleDistinctPair, Placement, Instruction, ItemRecord, EvidenceFile,
  Commission, CommissionTarget, MonthlyReport, SchemeVersion, ScoreLine, Adjustment,
  QuarterPeriod, RankingSnapshot, SnapshotUnit, SnapshotLine, Dispute, NoticeDocument, NoticeModel, NoticeRead, Notification, NotificationDelivery,
  HistoryRecord, LedgerDirty,
];
