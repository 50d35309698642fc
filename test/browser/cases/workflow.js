// Review returns with a reason and bulk approval; 约稿 issued and answered; the monthly report.
const { assert, choose, confirmBox, expectText, field, fill, shanghaiDate, toast } = require('../ui');


async function submittedArticle(request, title) {
  const res = await request.post('/api/articles', { data: { title } });
  assert.equal(res.status(), 201, await res.text());
  const { id } = await res.json();
  const submit = await request.post(`/api/review/articles/${id}/submit`, { data: {} });
  assert.equal(submit.status(), 200, await submit.text());
  return id;
}

module.exports = [
  {
    name: '审核人退回须填原因、批量通过；信息员按状态筛选看到退回原因',
    async fn({ page, api }) {
      const officerApi = await api('officer');
      await submittedArticle(officerApi, '退回测试：社区议事会稿件');
      await submittedArticle(officerApi, '批量测试：老党员讲党课稿件');

      const reviewer = await page('reviewer');
      await reviewer.goto('/review');
      const toReturn = reviewer.locator('.queue-table .el-table__row', { hasText: '退回测试' });
      await toReturn.locator('[data-action=return]').click();
      await confirmBox(reviewer, '');
      await expectText(reviewer.locator('.el-message-box__errormsg'), '请填写原因');
      await confirmBox(reviewer, '请补充社区议事会的具体做法和成效数据');
      assert.equal(await toast(reviewer, 'success'), '已退回');
      await toReturn.waitFor({ state: 'detached' });

      const toApprove = reviewer.locator('.queue-table .el-table__row', { hasText: '批量测试' });
      await toApprove.locator('.el-checkbox').click();
      await reviewer.locator('[data-test=bulk-approve]').click();
      await confirmBox(reviewer);
      // The "已退回" message may still be on screen: wait for the bulk result's own message.
      await reviewer.locator('.el-message--success', { hasText: /已通过 1 条/ }).waitFor();
      await toApprove.waitFor({ state: 'detached' });

      const officer = await page('officer');
      await officer.goto('/articles');
      await officer.locator('[data-chip=returned]').click();
      await officer.waitForURL(/status=returned/);
      const row = officer.locator('.articles-table .el-table__row', { hasText: '退回测试' });
      await expectText(row, '退回原因：请补充社区议事会的具体做法和成效数据');
      // the chip filters the list: every row shown is a returned one
      const statuses = await officer.locator('.articles-table .status-tag').allTextContents();
      assert.ok(statuses.length > 0 && statuses.every((s) => s.trim() === '已退回'), statuses.join(','));
    },
  },
  {
    name: '办公室发出约稿，信息员用稿件回复，办公室看到按时完成',
    async fn({ page, api, shot }) {
      const officerApi = await api('officer');
      const created = await officerApi.post('/api/articles', { data: { title: '约稿回复：临江街道红色物业经验做法' } });
      assert.equal(created.status(), 201, await created.text());

      const office = await page('office');
      await office.goto('/commissions');
      await office.getByRole('button', { name: '发出约稿' }).click();
      const dialog = office.locator('.el-dialog:visible');
      await fill(dialog, '主题', '红色物业与基层治理');
      const deadline = field(dialog, '截止日期').locator('input');
      await deadline.fill(shanghaiDate(7));
      await deadline.press('Enter');
      await choose(office, field(dialog, '约稿单位').locator('.el-select'), '临江街道党工委', '临江');
      await dialog.locator('.el-dialog__title').click(); // closes the unit dropdown
      await dialog.getByRole('button', { name: '发出约稿' }).click();
      await office.waitForURL(/\/commissions\/\d+$/);
      const detailUrl = new URL(office.url()).pathname;
      await expectText(office.locator('.el-table__row', { hasText: '临江街道党工委' }), '待完成');

      const officer = await page('officer');
      await officer.goto('/commissions/inbox');
      const row = officer.locator('.el-table__row', { hasText: '红色物业与基层治理' });
      await row.getByRole('button', { name: '用稿件回复' }).click();
      const answer = officer.locator('.el-dialog:visible');
      await choose(officer, field(answer, '稿件').locator('.el-select'), '约稿回复：临江街道红色物业经验做法', '红色物业');
      await answer.getByRole('button', { name: '回复' }).click();
      assert.equal(await toast(officer, 'success'), '已回复约稿');
      await expectText(row, '按时完成');
      await shot(officer, '30-commission-inbox');

      await office.goto(detailUrl);
      await expectText(office.locator('.el-table__row', { hasText: '临江街道党工委' }), '按时完成');
      await expectText(office.locator('.rate .big'), '100%');
      await shot(office, '31-commission-detail');
    },
  },
  {
    name: '信息员报送本月月报，办公室在月报情况中看到',
    async fn({ page }) {
      const month = shanghaiDate().slice(0, 7);
      const officer = await page('officer');
      await officer.goto(`/monthly-report?month=${month}`);
      await expectText(officer.locator('[data-test=report-status]'), '待报送');
      await fill(officer, '情况说明', '本月围绕基层治理主题报送稿件，重点挖掘社区典型。');
      await officer.getByRole('button', { name: '报送月报' }).click();
      assert.equal(await toast(officer, 'success'), '月报已报送');
      // this month's report is due next month: filed now, it is on time
      await expectText(officer.locator('[data-test=report-status]'), '按时报送');

      const office = await page('office');
      await office.goto(`/monthly-reports/compliance?month=${month}`);
      await expectText(office.locator('.el-table__row', { hasText: '临江街道党工委' }), '按时报送');
      await expectText(office.locator('.el-table__row', { hasText: '青石镇党委' }), '待报送');
    },
  },
];

module.exports.push({
  name: '信息员下载模板、导入表格：正确行导入，错误行逐行列出',
  async fn({ page, shot }) {
    const ExcelJS = require('exceljs');
    const officer = await page('officer');
    await officer.goto('/articles/import');
    const [template] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('link', { name: '下载模板' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await template.path());
    const sheet = workbook.getWorksheet('稿件录用');
    const header = sheet.getRow(1).values.slice(1);
    const row = (values) => header.map((h) => values[h] ?? '');
    const today = shanghaiDate();
    // right under the template's example row, where a person would type
    sheet.getRow(3).values = (row({ 编号: 'T-1', 报送单位: '临江街道党工委', 稿件标题: '表格导入：临江街道夜间议事厅', 报送日期: today, '媒体/刊物': '市日报', 刊发日期: today, 版面: '第2版', 位置: '一般' }));
    sheet.getRow(4).values = (row({ 编号: 'T-2', 报送单位: '临江街道党工委', 稿件标题: '表格导入：写错媒体名称的一行', 报送日期: today, '媒体/刊物': '不存在的晚报', 刊发日期: today }));
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    await officer.locator('.import-panel input[type=file]').setInputFiles({ name: '稿件导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await officer.locator('.job-progress[data-job-status=done]').waitFor({ timeout: 30_000 });
    await expectText(officer.locator('[data-test=import-summary]'), '新增稿件 1');
    const problem = officer.locator('.problem-table .el-table__row', { hasText: '媒体/刊物' }).first();
    await expectText(problem, '不存在的晚报');
    assert.equal((await problem.locator('td').first().textContent()).trim(), '4', 'the problem names the sheet row');
    await shot(officer, '32-article-import');

    await officer.goto('/articles?q=%E8%A1%A8%E6%A0%BC%E5%AF%BC%E5%85%A5');
    await expectText(officer.locator('.articles-table .el-table__row'), '临江街道夜间议事厅');
    assert.equal(await officer.locator('.articles-table .el-table__row').count(), 1);
  },
});

module.exports.push({
  name: '办公室补录往年数据：模板含历史数据表，检查结果按工作表列出',
  async fn({ page, shot }) {
    const ExcelJS = require('exceljs');
    const office = await page('office');
    await office.goto('/articles/import');
    const [template] = await Promise.all([office.waitForEvent('download'), office.getByRole('link', { name: '下载模板' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await template.path());
    const lastYear = Number(shanghaiDate().slice(0, 4)) - 1;
    // under each sheet's example row: one good 约稿, and an answer naming a 约稿 that exists nowhere
    workbook.getWorksheet('约稿').getRow(3).values = ['HIST-B1', '浏览器补录约稿', '区委组织部', `${lastYear}-03-01`, `${lastYear}-03-20`, '临江街道党工委', ''];
    workbook.getWorksheet('约稿回复').getRow(3).values = ['HIST-NONE', '临江街道党工委', 'T-1', `${lastYear}-03-10 10:00`];
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    await office.locator('.import-panel input[type=file]').setInputFiles({ name: '历史数据.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await office.locator('.job-progress[data-job-status=done]').waitFor({ timeout: 30_000 });
    await expectText(office.locator('[data-test=history-summary]'), '约稿 1');
    const problem = office.locator('.problem-table .el-table__row', { hasText: 'HIST-NONE' }).first();
    const cells = (await problem.locator('td').allTextContents()).map((t) => t.trim());
    assert.deepEqual(cells.slice(0, 2), ['约稿回复', '3'], 'the problem names the sheet and its row');
    await shot(office, '33-history-import');
  },
});
