// Issue #16, the office's and the leader's points and "everywhere": the quarter picker and
// quarter names, server-side sorting, breadcrumbs and the 使用说明 drawer, the jobs page in
// words, 月报情况 with contacts and its export, the leader's home and 环比, disputes linked to
// their score line. `BROWSER_CASES=16：` runs these alone.
const fs = require('node:fs');
const { assert, confirmBox, expectText, shanghaiQuarter } = require('../ui');

const quarterLabel = (q) => `${q.slice(0, 4)}年第${'一二三四'[Number(q.slice(6)) - 1]}季度`;
const prevQuarter = (q) => (q.endsWith('Q1') ? `${Number(q.slice(0, 4)) - 1}-Q4` : `${q.slice(0, 6)}${Number(q.slice(6)) - 1}`);

module.exports = [
  {
    name: '16：季度用「年份 + 第N季度」选择，页面上写作2026年第四季度，从不写2026-Q4',
    async fn({ page, shot }) {
      const office = await page('office');
      await office.goto('/schemes');
      await office.getByRole('button', { name: '新建版本' }).click();
      const dialog = office.locator('.el-dialog:visible');
      const picker = dialog.locator('[data-test=quarter-picker]');
      await picker.locator('.el-select').first().click();
      await office.locator('.el-select-dropdown:visible .el-select-dropdown__item').first().waitFor();
      const years = await office.locator('.el-select-dropdown:visible .el-select-dropdown__item').allTextContents();
      assert.ok(years.includes(`${shanghaiQuarter().slice(0, 4)}年`), `years offered: ${years.join(' ')}`);
      await office.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: `${Number(shanghaiQuarter().slice(0, 4)) + 1}年` }).click();
      await picker.locator('.el-select').nth(1).click();
      await office.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '第四季度' }).waitFor();
      const quarters = await office.locator('.el-select-dropdown:visible .el-select-dropdown__item').allTextContents();
      // (the year list may still be fading out beside it)
      assert.deepEqual(quarters.map((q) => q.trim()).filter((q) => q.endsWith('季度')), ['第一季度', '第二季度', '第三季度', '第四季度']);
      await office.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '第四季度' }).click();
      await shot(office, '60-quarter-picker');
      await dialog.getByRole('button', { name: '取消' }).click();
      // the pages that list quarters name them; none prints the key
      for (const path of ['/schemes', '/quarters', '/adjustments', '/rankings']) {
        await office.goto(path);
        await office.locator('.page-card').first().waitFor();
        await office.waitForLoadState('networkidle');
        const text = await office.locator('.main').innerText();
        assert.doesNotMatch(text, /\d{4}-Q[1-4]/, `${path} prints a quarter key`);
      }
      await office.goto('/quarters');
      await expectText(office.locator('.el-table__row').first(), '年第');
    },
  },
  {
    name: '16：列表按列排序由服务器完成（翻到第二页顺序不乱），排序写进地址',
    async fn({ page, api }) {
      const office = await page('office');
      const request = await api('office');
      const codes = async (query) => (await (await request.get(`/api/units?${query}`)).json()).items.map((u) => u.code);
      const all = await codes('pageSize=200&sort=-code');
      await office.goto('/units?pageSize=10');
      await office.locator('.el-table__row').first().waitFor();
      const header = office.locator('.el-table__header th', { hasText: '代码' });
      await header.click();
      await office.waitForURL(/sort=code/);
      await header.click();
      await office.waitForURL(/sort=-code/);
      await expectText(office.locator('.el-table__row').first(), all[0]);
      const firstPage = (await office.locator('.el-table__row td:first-child').allTextContents()).map((c) => c.trim());
      assert.deepEqual(firstPage, all.slice(0, 10));
      await office.locator('.el-pager li', { hasText: /^2$/ }).click();
      await office.waitForURL(/page=2/);
      await expectText(office.locator('.el-table__row').first(), all[10]);
      const secondPage = (await office.locator('.el-table__row td:first-child').allTextContents()).map((c) => c.trim());
      assert.deepEqual(secondPage, all.slice(10, 20), 'page 2 continues the server order');
      // a reload keeps the order and shows it on the column
      await office.reload();
      await office.locator('.el-table__header th.descending', { hasText: '代码' }).waitFor();
    },
  },
  {
    name: '16：面包屑和标签页标题说明所在位置，使用说明抽屉按角色给出说明',
    async fn({ page, shot }) {
      const quarter = prevQuarter(shanghaiQuarter());
      const office = await page('office');
      await office.goto(`/quarters/${quarter}`);
      const crumbs = office.locator('[data-test=breadcrumbs]');
      await expectText(crumbs, `${quarterLabel(quarter)}季度复核与发布`);
      assert.equal((await crumbs.innerText()).replace(/\s+/g, ''), `待办首页/计分与发布/季度发布/${quarterLabel(quarter)}季度复核与发布`);
      assert.match(await office.title(), new RegExp(`^${quarterLabel(quarter)}季度复核与发布 - 宣传信息计分系统$`));
      await crumbs.getByText('季度发布').click();
      await office.waitForURL((url) => url.pathname === '/quarters');
      await office.locator('[data-test=help-open]').click();
      const drawer = office.locator('.help-drawer');
      await expectText(drawer, '使用说明 · 季度发布');
      await expectText(drawer, '答复异议');
      await shot(office, '61-help-drawer');

      const officer = await page('officer');
      await officer.goto('/articles');
      await officer.locator('[data-test=help-open]').click();
      await expectText(officer.locator('.help-drawer'), '您的角色：信息员');
      await expectText(officer.locator('.help-drawer'), '草稿可修改、提交或删除');
      const office2 = await page('office');
      await office2.goto('/articles');
      await office2.locator('[data-test=help-open]').click();
      await expectText(office2.locator('.help-drawer'), '全区各单位报送的稿件');
      assert.equal(await office2.title(), '稿件列表 - 宣传信息计分系统');
    },
  },
  {
    name: '16：后台任务页用中文写任务名称、进度和失败原因',
    async fn({ page, shot }) {
      const office = await page('office');
      await office.goto('/jobs');
      await office.locator('.el-table__row').first().waitFor();
      const names = (await office.locator('[data-test=job-name]').allTextContents()).map((n) => n.trim());
      assert.ok(names.length > 0);
      for (const n of names) assert.match(n, /^[\u4e00-\u9fa5]+$/, `job name "${n}" is not in Chinese`);
      assert.ok(names.includes('生成通报文件') || names.includes('发布季度排名'), names.join(','));
      const text = await office.locator('.main').innerText();
      assert.doesNotMatch(text, /notices\.render|quarters\.publish|scores\.recompute/);
      await expectText(office.locator('.job-progress').first(), '已完成');
      await office.locator('.filters .el-select').nth(1).click();
      await office.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '重算得分' }).waitFor();
      const options = await office.locator('.el-select-dropdown:visible .el-select-dropdown__item').allTextContents();
      assert.ok(options.includes('生成通报文件') && options.includes('重算得分'), options.join(','));
      await shot(office, '62-jobs');
    },
  },
  {
    name: '16：月报情况显示各单位联系人并导出 Excel，约稿详情也显示联系人',
    async fn({ page, shot }) {
      const office = await page('office');
      await office.goto('/monthly-reports/compliance');
      const contact = office.locator('[data-test=unit-contact]').first();
      await contact.waitFor();
      assert.match(await contact.locator('a').getAttribute('href'), /^tel:1\d{10}$/);
      await shot(office, '63-compliance-contacts');
      const [download] = await Promise.all([office.waitForEvent('download'), office.locator('[data-test=compliance-export]').click()]);
      assert.match(download.suggestedFilename(), /^月报情况-\d{4}-\d{2}\.xlsx$/);
      const file = fs.readFileSync(await download.path());
      assert.equal(file.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip archive');

      await office.goto('/commissions');
      await office.locator('.el-table__row a').first().click();
      await office.waitForURL(/\/commissions\/\d+$/);
      await office.locator('[data-test=unit-contact]').first().waitFor();
    },
  },
  {
    name: '16：领导首页显示最新通报和前五名单位的环比，排名打开通报的第一个分组',
    async fn({ page, api, shot }) {
      const leader = await page('leader');
      await leader.goto('/');
      await expectText(leader.locator('[data-test=latest-notice]'), '信息宣传情况通报');
      const rows = leader.locator('[data-test=top-units] .el-table__row');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 5);
      for (const change of await leader.locator('[data-test=top-units] [data-test=adoption-change]').allTextContents()) {
        // a percentage only against a meaningful base: never +900% or -116.7%
        assert.match(change.trim(), /^([+-]?\d{1,3}\.\d%|[+-]?[\d,]+篇|上季度无录用|—)$/, change);
      }
      await shot(leader, '64-leader-home');

      // the notice lists groups by their best-ranked unit: the page opens on the same first group
      const request = await api('leader');
      const quarters = await (await request.get('/api/quarters')).json();
      const latest = quarters.filter((q) => q.stage === 'published').sort((a, b) => b.quarter.localeCompare(a.quarter))[0];
      const snapshot = await (await request.get(`/api/quarters/${latest.quarter}/snapshots/${latest.revision || 1}`)).json();
      const first = [...snapshot.units].sort((a, b) => a.groupRank - b.groupRank || a.unitCode.localeCompare(b.unitCode))[0].groupName;
      await leader.goto('/rankings');
      await leader.waitForURL(/group=/);
      assert.equal(decodeURIComponent(new URL(leader.url()).searchParams.get('group')), first);
      await expectText(leader.locator('.el-radio-button.is-active'), first);
      const radios = (await leader.locator('.el-radio-button').allTextContents()).map((r) => r.trim());
      assert.equal(radios[0], first);
      assert.equal(radios[radios.length - 1], '总排名');
      await leader.locator('.ranking-table [data-test=adoption-change]').first().waitFor();
    },
  },  {
    name: '16：城市组织部发布各区排名后，区里的领导首页先显示本区在全市通报中的位置',
    async fn({ page, api, shot }) {
      // The demo city (示例市) ranks its districts; it publishes last quarter through the API.
      const city = await api('cityoffice');
      const quarter = prevQuarter(shanghaiQuarter());
      // the daily tick has opened its review: the office closes it before the window ends, saying why
      const closed = await city.post(`/api/quarters/${quarter}/close`, { data: { excludeUnverified: true, overrideReason: '全市集中通报' } });
      assert.ok(closed.ok(), `close: ${closed.status()} ${await closed.text()}`);
      const started = await city.post(`/api/quarters/${quarter}/publish`, { data: {} });
      assert.equal(started.status(), 202, await started.text());
      const job = await started.json();
      for (let i = 0; i < 120; i++) {
        const state = await (await city.get(`/api/jobs/${job.id}`)).json();
        if (state.status === 'done') break;
        assert.notEqual(state.status, 'failed', JSON.stringify(state));
        await new Promise((r) => setTimeout(r, 500));
      }
      const cityRanking = await (await city.get(`/api/quarters/${quarter}/snapshots/1`)).json();
      const own = cityRanking.units.find((u) => u.unitName.includes('示例区'));
      assert.ok(own, `示例区 in the city's ranking: ${cityRanking.units.map((u) => u.unitName).join('、')}`);

      const leader = await page('leader');
      await leader.goto('/');
      const card = leader.locator('[data-test=parent-position]');
      await expectText(card, `${quarterLabel(quarter)}通报`);
      await expectText(card, `第 ${own.groupRank} 名`);
      await expectText(card, own.totalText);
      await shot(leader, '66-leader-parent-position');
      // its lines as the city scored them, adding up to that total
      await card.locator('[data-test=parent-statement-toggle]').click();
      const statement = card.locator('[data-test=parent-statement]');
      await expectText(statement, `合计 ${own.totalText} 分`);
      await statement.locator('.el-table__row').first().waitFor();
      await shot(leader, '67-leader-parent-statement');
    },
  },
];

/**
 * Runs after the scheme editor's cases and before the current quarter is closed and published:
 * it opens the current quarter's review (which the publication case then closes).
 */
module.exports.serial = [
  {
    name: '16：异议链接到所指的得分行并能链回，首页显示待答复异议，保存计分办法前说明将重算的季度',
    async fn({ page, api, shot }) {
      const quarter = shanghaiQuarter();
      const request = await api('office');
      // the officer's dispute-window case (it runs just before) may have opened the review already
      const opened = await request.post(`/api/quarters/${quarter}/review`);
      assert.ok([200, 409].includes(opened.status()), `review: ${opened.status()} ${await opened.text()}`);
      assert.equal((await (await request.get(`/api/quarters/${quarter}`)).json()).stage, 'review');
      const units = (await (await request.get('/api/units?pageSize=200')).json()).items;
      let target;
      for (const u of units) {
        const statement = await (await request.get(`/api/scores/statement?quarter=${quarter}&unitId=${u.id}`)).json();
        if (statement.lines?.length) {
          target = { unit: u, line: statement.lines[0] };
          break;
        }
      }
      assert.ok(target, 'some unit has score lines in the current quarter');
      // the officer's dispute-window case may have left one of its own unanswered
      const waiting = (await (await request.get(`/api/quarters/${quarter}/disputes`)).json()).filter((d) => d.status === 'open').length + 1;
      const filed = await request.post(`/api/quarters/${quarter}/disputes`, { data: { reason: '这一行的分值与通知不符', unitId: target.unit.id, scoreLineId: target.line.id } });
      assert.equal(filed.status(), 201, await filed.text());
      const dispute = await filed.json();

      const office = await page('office');
      await office.goto('/');
      await expectText(office.locator('[data-todo=disputes]'), '待答复异议');
      await expectText(office.locator('[data-todo=disputes] .todo-count'), String(waiting));
      await office.goto(`/quarters/${quarter}`);
      await expectText(office.locator('[data-test=disputes] h2'), `${waiting} 条待答复`);
      // listed oldest first: this case's dispute is the last
      await office.locator('[data-test=dispute-line]').last().click();
      await office.waitForURL(new RegExp(`/scores\\?.*line=${target.line.id}`));
      const marked = office.locator('.statement-table .marked-row');
      await expectText(marked, target.line.recordLabel);
      await expectText(marked.locator('[data-test=line-dispute]'), '待答复');
      await shot(office, '65-dispute-line');
      await marked.locator('[data-test=line-dispute] a').click();
      await office.waitForURL(new RegExp(`/quarters/${quarter}\\?dispute=${dispute.id}`));
      await office.locator('.disputes-table .marked-row').getByRole('button', { name: '答复' }).click();
      await confirmBox(office, '已核实，分值无误');
      await expectText(office.locator('.disputes-table .marked-row'), '已核实，分值无误');
      if (waiting === 1) await office.locator('[data-test=disputes] h2', { hasText: /^异议$/ }).waitFor();
      else await expectText(office.locator('[data-test=disputes] h2'), `${waiting - 1} 条待答复`);

      // a scheme version from today's quarter: saving says which quarters are recomputed (then cancelled and removed)
      const versions = (await (await request.get('/api/schemes?pageSize=50')).json()).items;
      const created = await request.post('/api/schemes', { data: { effectiveFrom: quarter, copyOf: versions[0].id } });
      const version = await created.json();
      assert.equal(created.status(), 201, JSON.stringify(version));
      await office.goto(`/schemes/${version.id}`);
      await office.locator('[data-test=save-scheme]').click();
      await expectText(office.locator('[data-test=save-quarters]'), `保存后将按新办法重算${quarterLabel(quarter)}的得分`);
      await office.locator('.el-dialog:visible').getByRole('button', { name: '取消' }).click();
      assert.equal((await request.delete(`/api/schemes/${version.id}`)).status(), 200);
    },
  },
];
