// Issue #16, the officer's and reviewer's day: an article without placements, every field error
// at once, wrong evidence refused on drop, phone cards with batch actions, the statement's
// dispute window, the review queue's evidence. Phone cases run at 390×844.
const { assert, clippingPng, confirmBox, expectText, field, fieldError, fill, shanghaiDate, shanghaiQuarter, toast } = require('../ui');

const PHONE = { width: 390, height: 844 };

/** A file dropped on an element, as Chromium delivers it: a DragEvent carrying the file. */
async function dropFile(target, name, type, text) {
  await target.evaluate((el, f) => {
    const data = new DataTransfer();
    data.items.add(new File([f.text], f.name, { type: f.type }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { name, type, text });
}

/** An article with one 人民日报 placement (and its clipping unless `evidence` is false), made through the API; returns ids. */
async function articleWithPlacement(request, browser, title, { evidence = true, submit = false } = {}) {
  const outlets = await (await request.get(`/api/outlets?q=${encodeURIComponent('人民日报')}&pageSize=5`)).json();
  const outletId = outlets.items.find((o) => o.name === '人民日报').id;
  const article = await (await request.post('/api/articles', { data: { title } })).json();
  const placement = await (await request.post(`/api/articles/${article.id}/placements`, { data: { outletId, publishedAt: shanghaiDate(-1) } })).json();
  if (evidence) {
    const png = await clippingPng(browser, { outlet: '人民日报', title, page: '第6版', date: '昨日' });
    const uploaded = await request.post(`/api/placements/${placement.id}/evidence`, { multipart: { file: { name: '人民日报-第6版.png', mimeType: 'image/png', buffer: png } } });
    assert.equal(uploaded.status(), 201, await uploaded.text());
  }
  if (submit) {
    const res = await request.post(`/api/review/articles/${article.id}/submit`, { data: {} });
    assert.equal(res.status(), 200, await res.text());
  }
  return { articleId: article.id, placementId: placement.id };
}

/** Whether the element lies wholly inside the phone's width (not cut off or scrolled away to the right). */
async function onScreen(locator) {
  const box = await locator.boundingBox();
  return !!box && box.x >= 0 && box.x + box.width <= PHONE.width;
}

const visibleErrors = (scope) => scope.locator('.el-form-item__error:visible').allTextContents();

module.exports = [
  {
    name: '手机：尚无录用的约稿稿件，删除录用卡片后保存草稿并提交',
    async fn({ page, shot }) {
      const p = await page('officer', PHONE);
      // An untouched placement card is left out: saving the draft asks nothing about it.
      await p.goto('/articles/new');
      await fill(p, '标题', '约稿稿件：基层党建“书记项目”（待刊发）');
      await p.locator('[data-test=save-draft]').click();
      await p.waitForURL(/\/articles\/\d+$/);
      assert.equal(await toast(p, 'success'), '已保存为草稿');
      assert.equal(await p.getByText('有录用未保存成功').count(), 0);

      // The first (only) card can be removed; the article is then submitted without placements.
      await p.goto('/articles/new');
      await fill(p, '标题', '约稿稿件：党员志愿服务“微心愿”（待刊发）');
      await p.locator('[data-placement="0"]').getByRole('button', { name: '删除' }).click();
      await p.locator('[data-test=no-placements]').waitFor();
      await shot(p, '60-entry-phone-no-placement');
      await p.locator('[data-test=save-submit]').click();
      await p.waitForURL(/\/articles\/\d+$/);
      assert.equal(await toast(p, 'success'), '已提交单位审核');
      await expectText(p.locator('.el-descriptions .status-tag'), '待单位审核');
      assert.ok(!(await p.content()).includes('必须是整数'));
    },
  },
  {
    name: '手机：所有字段错误一次显示；未来日期显示服务器提示；拖入 .docx 证明材料被拒收',
    async fn({ page, shot }) {
      const p = await page('officer', PHONE);
      await p.goto('/articles/new');
      const card = p.locator('[data-placement="0"]');
      // Wrong kinds are refused as they are dropped, with a message; an image is taken.
      await dropFile(card.locator('[data-test=evidence-drop]'), '情况报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK');
      await expectText(card.locator('[data-test=evidence-refused]'), '「情况报告.docx」');
      await dropFile(card.locator('[data-test=evidence-drop]'), '说明.txt', 'text/plain', '说明');
      await expectText(card.locator('[data-test=evidence-refused]'), '「说明.txt」');
      assert.equal(await card.locator('.thumb.pending').count(), 0);

      // Empty title, a placement with a page but no outlet and no evidence: three errors at once.
      await fill(card, '版面/栏目', '第2版');
      await p.locator('[data-test=save-submit]').click();
      assert.equal(await fieldError(p, '标题'), '请填写稿件标题');
      assert.equal(await fieldError(card, '媒体/刊物'), '请选择媒体/刊物');
      await expectText(card.locator('.evidence .error-text'), '提交审核前请上传证明材料');
      assert.equal((await visibleErrors(p)).length, 2);
      await shot(p, '61-entry-phone-all-errors', true);

      // Officers cannot back-date: the form says so under 报送日期 (earlier days are disabled in the picker).
      await expectText(p.locator('[data-test=submitted-hint]'), '信息员只能报送当天的稿件；以前报送的请联系办公室代为登记');
      // A future 报送日期 stays as typed and gets the server's own message.
      await fill(p, '标题', '手机录入：未来日期的稿件');
      await card.getByRole('button', { name: '删除' }).click();
      const date = field(p, '报送日期').locator('input');
      const future = shanghaiDate(40);
      await date.fill(future);
      await date.press('Enter');
      await p.locator('[data-test=save-draft]').click();
      assert.equal(await fieldError(p, '报送日期'), '报送时间不能晚于当前时间');
      assert.equal(await date.inputValue(), future);
    },
  },
  {
    name: '审核人队列显示证明材料份数，点击一行在旁边预览证明材料',
    async fn({ page, api, browser, shot }) {
      const title = '审核预览：临江街道“红色物业”稿件';
      await articleWithPlacement(await api('officer'), browser, title, { submit: true });
      const reviewer = await page('reviewer');
      await reviewer.goto('/review');
      const row = reviewer.locator('.queue-table .el-table__row', { hasText: title });
      await expectText(row.locator('[data-test=evidence-count]'), '1 份');
      await row.locator('td').nth(2).click();
      const preview = reviewer.locator('[data-test=preview]');
      await expectText(preview.locator('h3'), title);
      await preview.locator('img[src*="/api/evidence/"]').first().waitFor();
      await shot(reviewer, '62-review-queue-preview');
    },
  },
  {
    name: '手机：稿件列表用卡片显示状态，草稿批量提交（缺材料的逐条说明原因）和批量删除',
    async fn({ page, api, browser, shot }) {
      const officerApi = await api('officer');
      await articleWithPlacement(officerApi, browser, '手机批量：有证明材料的草稿');
      await articleWithPlacement(officerApi, browser, '手机批量：缺证明材料的草稿', { evidence: false });
      for (const title of ['手机批量：要删除的草稿一', '手机批量：要删除的草稿二']) assert.equal((await officerApi.post('/api/articles', { data: { title } })).status(), 201);

      const p = await page('officer', PHONE);
      await p.goto(`/articles?q=${encodeURIComponent('手机批量')}`);
      const cards = p.locator('.article-card');
      await cards.nth(3).waitFor();
      assert.equal(await p.locator('.articles-table').count(), 0, 'no table on a phone');
      for (let i = 0; i < 4; i++) assert.ok(await onScreen(cards.nth(i).locator('.status-tag')), `status of card ${i} is on screen`);
      await shot(p, '63-articles-phone-cards', true);

      const card = (title) => p.locator('.article-card', { hasText: title });
      await card('有证明材料的草稿').locator('.el-checkbox').click();
      await card('缺证明材料的草稿').locator('.el-checkbox').click();
      await p.locator('[data-test=batch-submit]').click();
      await confirmBox(p);
      assert.match(await toast(p, 'warning'), /1 篇已提交单位审核，1 篇未提交单位审核/);
      await expectText(card('缺证明材料的草稿').locator('[data-test=refused]'), '缺少证明材料');
      await expectText(card('有证明材料的草稿').locator('.status-tag'), '待单位审核');
      await expectText(card('缺证明材料的草稿').locator('.status-tag'), '草稿');

      await card('要删除的草稿一').locator('.el-checkbox').click();
      await card('要删除的草稿二').locator('.el-checkbox').click();
      await p.locator('[data-test=batch-delete]').click();
      await confirmBox(p);
      assert.equal(await toast(p, 'success'), '已删除 2 篇');
      await card('要删除的草稿一').waitFor({ state: 'detached' });
      assert.equal(await cards.count(), 2);
    },
  },
  {
    name: '手机：得分明细用卡片显示每行得分',
    async fn({ page, shot }) {
      const p = await page('officer', PHONE);
      await p.goto('/scores');
      const line = p.locator('[data-test=line-card]').first();
      await line.waitFor();
      assert.match((await line.locator('[data-test=line-amount]').textContent()).trim(), /^[+-]?\d+\.\d{2}$/);
      assert.ok(await onScreen(line.locator('[data-test=line-amount]')), 'the points are on screen');
      assert.equal(await p.locator('.statement-table').count(), 0, 'no table on a phone');
      await shot(p, '64-statement-phone-cards');
    },
  },
  {
    name: '月报“按本单位已核定记录生成”不计草稿和审核中的稿件，页面说明计数口径',
    async fn({ page, api }) {
      // 青石镇's officer: no other case records for that unit, so its counts hold still.
      const officer2 = await api('officer2');
      const month = shanghaiDate().slice(0, 7);
      const before = (await (await officer2.get(`/api/monthly-reports/draft/${month}`)).json()).draft;
      const draft = await officer2.post('/api/articles', { data: { title: '青石镇月报口径：草稿' } });
      assert.equal(draft.status(), 201, await draft.text());
      const sent = await (await officer2.post('/api/articles', { data: { title: '青石镇月报口径：已提交待审核' } })).json();
      assert.equal((await officer2.post(`/api/review/articles/${sent.id}/submit`, { data: {} })).status(), 200);

      const p = await page('officer2');
      await p.goto(`/monthly-report?month=${month}`);
      await expectText(p.locator('[data-test=records-rule]'), '草稿和仍在审核中的记录不计');
      // Wait registered before the click: a quick answer would otherwise come before the wait.
      const drafted = p.waitForResponse((r) => r.url().includes(`/api/monthly-reports/draft/${month}`));
      await p.locator('[data-test=fill-from-records]').click();
      await drafted;
      assert.equal(await field(p, '报送稿件数').locator('input').inputValue(), String(before.articlesSubmitted));
      assert.equal(await field(p, '录用篇次').locator('input').inputValue(), String(before.placementsAdopted));
    },
  },
];

/** Changes the current quarter for everyone (opens its review): runs alone, before the quarter is closed and published. */
module.exports.serial = [
  {
    name: '手机：复核期内得分明细打开本季度，有提示条，每行可提出异议',
    async fn({ page, api, shot }) {
      const quarter = shanghaiQuarter();
      const opened = await (await api('office')).post(`/api/quarters/${quarter}/review`, { data: {} });
      assert.equal(opened.status(), 200, await opened.text());
      const p = await page('officer', PHONE);
      await p.goto('/scores');
      await p.waitForURL(new RegExp(`quarter=${quarter}`));
      await expectText(p.locator('[data-test=dispute-banner]'), '正在复核');
      const lines = p.locator('[data-test=line-card]');
      await lines.first().waitFor();
      assert.equal(await lines.locator('[data-action=dispute]').count(), await lines.count(), 'a 提出异议 button on each line');
      await shot(p, '65-statement-phone-dispute-window', true);
      await lines.first().locator('[data-action=dispute]').click();
      await confirmBox(p, '这篇稿件的录用级别应为省级，请核实');
      assert.equal(await toast(p, 'success'), '异议已提交，办公室答复后会通知您');
    },
  },
];
