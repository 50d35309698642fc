import { toEngineInput } from './engine-input';
import type { RecordedInput } from './recorded-input';

describe('toEngineInput', () => {
  const loaded: RecordedInput = {
    units: [{ id: '1', code: 'A', name: '甲', groupId: '9' }],
    articles: [{ id: '10', title: '联合稿件', submittedDate: '2026-04-02', wordCount: 1200, genre: null, units: [{ unitId: '2', sharePercent: '60', position: 1 }, { unitId: '1', sharePercent: '40', position: 2 }] }],
    placements: [
      { id: '20', articleId: '10', outletId: '5', outletCode: 'RMRB', outletName: '人民日报', level: 'central', channel: 'media', medium: 'newspaper', prominence: 'normal', publishedDate: '2026-04-12', form: 'combined', views: 120000 },
    ],
    instructions: [],
    commissions: [
      { id: '30', topic: '市委办约稿', deadline: '2026-06-15', issuer: '市委办公室', targets: [{ unitId: '1', answeredArticleSubmittedDate: null }] },
      { id: '31', topic: '本部约稿', deadline: '2026-05-20', issuer: '', targets: [] },
    ],
    monthlyReports: [],
    items: [{ id: '40', unitId: '1', kind: '虚假信息', title: '查实', date: '2026-06-02', level: null, articleId: '10' }],
    adjustments: [{ id: '50', unitId: '1', quarter: '2026-Q2', points: -32500, reason: '通报批评', status: 'approved' }],
    asOfDate: '2026-07-10',
  };

  it('gives the engine its names: signing order, issuer category (none for the office itself), items and adjustment amounts', () => {
    const input = toEngineInput(loaded);
    expect(input.articles[0].units).toEqual([{ unitId: '2', sharePercent: '60', signingOrder: 1 }, { unitId: '1', sharePercent: '40', signingOrder: 2 }]);
    expect(input.commissions.map((c) => c.issuerCategory)).toEqual(['市委办公室', null]);
    expect(input.items).toEqual([{ id: '40', kind: '虚假信息', unitId: '1', date: '2026-06-02', level: null, articleId: '10', title: '查实' }]);
    expect(input.adjustments).toEqual([{ id: '50', unitId: '1', quarter: '2026-Q2', amount: -32500, reason: '通报批评' }]);
    expect(input.asOfDate).toBe('2026-07-10');
  });

  it('passes the placement list through without copying it (form and reach are already the engine\'s)', () => {
    expect(toEngineInput(loaded).placements).toBe(loaded.placements);
  });
});
