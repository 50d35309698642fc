// Record factories for e2e suites: they insert rows directly through the app's DataSource
// (no HTTP, no review workflow), verified unless told otherwise, with business dates taken in
// the test zone the way the features compute them.
//
//   const f = createFactories(t.app.get(DataSource));
//   const article = await f.articles.create({ officeId, units: [{ unitId: a.id, sharePercent: 60 }, { unitId: b.id, sharePercent: 40 }] });
//   await f.placements.create({ article, outlet, publishedAt: '2023-07-01T00:10:00+08:00', prominence: 'headline' });
import type { DataSource } from 'typeorm';
import { ArticleFactory } from './article.factory';
import { CommissionFactory } from './commission.factory';
import { InstructionFactory } from './instruction.factory';
import { ItemFactory } from './item.factory';
import { MonthlyReportFactory } from './monthly-report.factory';
import { OfficeFactory, RankingGroupFactory, UnitFactory, UserFactory } from './office.factory';
import { OutletFactory } from './outlet.factory';
import { PlacementFactory } from './placement.factory';

export { ArticleFactory, CommissionFactory, InstructionFactory, ItemFactory, MonthlyReportFactory, OfficeFactory, OutletFactory, PlacementFactory, RankingGroupFactory, UnitFactory, UserFactory };
export type { ArticleSpec, ArticleUnitSpec } from './article.factory';
export type { PlacementSpec } from './placement.factory';
export { instant, TEST_TIME_ZONE } from './records';

export function createFactories(ds: DataSource) {
  return {
    offices: new OfficeFactory(ds),
    groups: new RankingGroupFactory(ds),
    units: new UnitFactory(ds),
    users: new UserFactory(ds),
    outlets: new OutletFactory(ds),
    articles: new ArticleFactory(ds),
    placements: new PlacementFactory(ds),
    instructions: new InstructionFactory(ds),
    items: new ItemFactory(ds),
    commissions: new CommissionFactory(ds),
    monthlyReports: new MonthlyReportFactory(ds),
  };
}

export type Factories = ReturnType<typeof createFactories>;
