import { Inject, Injectable } from '@nestjs/common';
import { CHANNELS, LEVELS, PLACEMENT_FORM_LABELS, PROMINENCE_LABELS } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth-user';
import { Outlet } from '../../outlets/outlet.entity';
import { Unit } from '../../units/unit.entity';
import type { ListArticlesQuery } from '../dto/article.dto';
import { ArticlesRepository, type ExportPlacementRow } from '../articles.repository';
import { chunks } from './article-import-plan';
import { ArticleImportRepository } from './article-import.repository';
import { AUTO_KEY_PREFIX, EXAMPLE_KEY_PREFIX } from './article-sheet-layout';
import { writeArticleWorkbook, type ArticleSheetRow } from './article-sheet-writer';
import { addHistorySheets } from './history/history-sheet-writer';
import { ItemKindsReader } from '../../items/item-kinds';
import { Clock } from '../../common/clock';
import { OutletsRepository } from '../../outlets/outlets.repository';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';

/** The template and filtered exports, both in the layout the import reads. */
@Injectable()
export class ArticleExportService {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly imports: ArticleImportRepository,
    private readonly audit: AuditService,
    private readonly itemKinds: ItemKindsReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outlets: OutletsRepository,
  ) {}

  async template(user: AuthUser): Promise<Buffer> {
    const lists = await this.referenceLists(user.officeId);
    const unit = lists.units.find((u) => u.id === user.unitId) ?? lists.units[0];
    const outlet = lists.outlets[0];
    const example: ArticleSheetRow = [
      `${EXAMPLE_KEY_PREFIX}（此行不会导入，可删除）`, unit?.name ?? '', '（示例）临江街道“红色管家”激活小区治理', 1800, '消息', '张磊', '2023-04-03',
      outlet?.name ?? '', '2023-04-10', '第4版', PROMINENCE_LABELS.headline, 'https://example.com/news/1', PLACEMENT_FORM_LABELS.full, 12000, '',
    ];
    // The history sheets are the office's: officers load their own articles only.
    if (user.unitId !== null) return writeArticleWorkbook([], lists, example);
    const kinds = await this.itemKinds.kinds(user.officeId, this.clock.today());
    return writeArticleWorkbook([], lists, example, (workbook) => addHistorySheets(workbook, kinds));
  }

  /** The articles GET /api/articles would list with these filters (all pages), one row per placement. */
  async export(user: AuthUser, query: ListArticlesQuery): Promise<Buffer> {
    const articles = await this.articles.findAllFiltered(user, query);

    const units = new Map<number, { unitId: number; name: string; shareBp: number | null }[]>();
    const placements = new Map<number, ExportPlacementRow[]>();
    for (const part of chunks(articles.map((a) => a.id))) {
      const details = await this.articles.exportDetails(part);
      for (const r of details.units) units.set(Number(r.articleId), [...(units.get(Number(r.articleId)) ?? []), { unitId: Number(r.unitId), name: r.name, shareBp: r.shareBp === null ? null : Number(r.shareBp) }]);
      for (const r of details.placements) placements.set(Number(r.articleId), [...(placements.get(Number(r.articleId)) ?? []), r]);
    }

    const rows: ArticleSheetRow[] = [];
    for (const a of articles) {
      // In signing order, so 署名顺序 is 1、2、… for a joint article (blank for one unit).
      const list = units.get(a.id) ?? [];
      const unitText = list.map((u) => (u.shareBp === null ? u.name : `${u.name}${u.shareBp / 100}%`)).join('、');
      const signing = list.length > 1 ? list.map((_, i) => i + 1).join('、') : '';
      const key = a.externalKey && !a.externalKey.startsWith(AUTO_KEY_PREFIX) ? a.externalKey : '';
      const article = [key, unitText, a.title, a.wordCount, a.genre ?? '', a.authors ?? '', a.submittedDate] as const;
      const own = placements.get(a.id) ?? [];
      if (own.length === 0) rows.push([...article, '', '', '', '', '', '', null, signing]);
      for (const p of own) {
        rows.push([...article, p.outletName, p.publishedDate, p.page ?? '', PROMINENCE_LABELS[p.prominence], p.url ?? '', PLACEMENT_FORM_LABELS[p.form], p.views === null ? null : Number(p.views), signing]);
      }
    }
    await this.audit.record(user, 'export', 'articles', '-', null, { query, articles: articles.length });
    return writeArticleWorkbook(rows, await this.referenceLists(user.officeId));
  }

  private async referenceLists(officeId: number): Promise<{ units: Unit[]; outlets: Outlet[] }> {
    const [units, outlets] = await Promise.all([
      this.imports.findActiveUnits(officeId),
      this.outlets.findAllVisible(officeId).then((all) => all.filter((o) => o.active)),
    ]);
    // Central first, media before bulletins, then catalogue order (人民日报 before 中央广播电视总台).
    const rank = (o: Outlet) => LEVELS.indexOf(o.level) * 10 + CHANNELS.indexOf(o.channel);
    outlets.sort((a, b) => rank(a) - rank(b) || a.id - b.id);
    return { units, outlets };
  }
}
