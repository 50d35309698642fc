// What leaders read: rankings with charts, a unit's statement; the office closing and publishing a quarter.
const fs = require('node:fs');
const { assert, confirmBox, expectText, fieldError, pickQuarter, shanghaiQuarter } = require('../ui');

const quarterLabel = (q) => `${q.slice(0, 4)}年第${'一二三四'[Number(q.slice(6)) - 1]}季度`;

module.exports = [
  {
    name: '领导查看已发布季度的排名表和图表',
    async fn({ page, shot }) {
      const leader = await page('leader');
      await leader.goto('/rankings');
      await leader.waitForURL(/quarter=\d{4}-Q[1-4]/);
      await leader.locator('.ranking-table .el-table__row').first().waitFor();
      // three charts drawn on canvases: levels, trend, top units
      await leader.waitForFunction(() => document.querySelectorAll('.charts canvas').length >= 3);
      const firstRank = await leader.locator('.ranking-table .el-table__row').first().locator('td').first().textContent();
      assert.equal(firstRank.trim(), '1');
      await shot(leader, '40-rankings-charts');
      await leader.locator('.el-radio-button', { hasText: '部门组' }).click();
      await leader.waitForURL(/group=/);
      const groups = await leader.locator('.ranking-table .el-table__row').count();
      assert.ok(groups > 0);
    },
  },
  {
    name: '信息员查看本单位季度得分明细和计算过程',
    async fn({ page, shot }) {
      const officer = await page('officer');
      await officer.goto('/scores');
      await officer.waitForURL(/quarter=/);
      await officer.locator('.statement-table .el-table__row').first().waitFor();
      const total = (await officer.locator('[data-test=statement-total]').textContent()).trim();
      assert.match(total, /^-?\d+\.\d{2}/);
      await officer.locator('.statement-table .el-table__expand-icon').first().click();
      await expectText(officer.locator('.statement-table .explain'), '计');
      await shot(officer, '41-score-statement');
    },
  },
];

module.exports.push({
  name: '办公室新建计分办法版本：表单校验错误显示在字段旁，试算预览显示名次变化',
  async fn({ page, shot }) {
    const office = await page('office');
    await office.goto('/schemes');
    await office.getByRole('button', { name: '新建版本' }).click();
    const dialog = office.locator('.el-dialog:visible');
    await pickQuarter(office, dialog, '2020-Q1');
    await dialog.getByRole('button', { name: '建立' }).click();
    // the first version already starts then (and was used for published rankings)
    assert.match(await fieldError(dialog, '生效季度'), /.+/);
    const nextYear = Number(shanghaiQuarter().slice(0, 4)) + 1;
    await pickQuarter(office, dialog, `${nextYear}-Q1`);
    await dialog.getByRole('button', { name: '建立' }).click();
    await office.waitForURL(/\/schemes\/\d+$/);

    // the stored version (today's format) opens converted to format 2: a factor may not be negative
    const normal = office.locator('[data-field="adoption.factors.prominence.normal"]');
    await normal.locator('input').fill('-1');
    await normal.locator('input').blur();
    await expectText(normal.locator('.el-form-item__error'), '不能为负数');
    await normal.locator('input').fill('1');
    await normal.locator('input').blur();
    await normal.locator('.el-form-item__error').waitFor({ state: 'detached' });
    // the first row of the adoption table is 媒体采用; its provincial cell goes from 10 to 25
    const provincial = office.locator('[data-field="adoption.rows[0].points.provincial"]');
    await provincial.locator('input').fill('25');
    await provincial.locator('input').blur();

    await office.locator('[data-test=preview-run]').click();
    await office.locator('.preview-table .el-table__row').first().waitFor();
    const changes = await office.locator('.preview-table .el-table__row td:last-child').allTextContents();
    assert.ok(changes.some((c) => c.trim().startsWith('+')), 'raising provincial media points raises someone\'s total');
    await shot(office, '44-scheme-editor-preview');
    await office.locator('[data-test=save-scheme]').click();
    // the confirmation says what a save recomputes: nothing yet for a version starting next year
    await expectText(office.locator('[data-test=save-quarters]'), '尚未开始，保存不会改变现有得分');
    await expectText(office.locator('[data-test=save-changes] .el-table__body'), 'adoption.rows[0].points.provincial');
    await office.locator('[data-test=confirm-save]').click();
    // "新版本已建立" may still be showing: wait for the save's own message
    await office.locator('.el-message--success', { hasText: '已保存' }).waitFor();

    // The draft version is dropped again: deleted from the list, after a confirmation.
    await office.goto('/schemes');
    const rows = office.locator('.el-table__body .el-table__row');
    await rows.first().waitFor();
    const before = await rows.count();
    await office.locator(`[data-test=delete-scheme-${before}]`).click();
    await confirmBox(office);
    await office.locator('.el-message--success', { hasText: '已删除' }).waitFor();
    await office.waitForFunction((n) => document.querySelectorAll('.el-table__body .el-table__row').length === n, before - 1);
  },
});

/** Changes the current quarter for everyone: runs after the other cases. */
module.exports.serial = [
  {
    name: '办公室关闭并发布本季度（后台任务进度），领导打开通报并下载 DOCX',
    async fn({ page, shot }) {
      const quarter = shanghaiQuarter();
      const office = await page('office');
      await office.goto(`/quarters/${quarter}`);
      // in review: the dispute-window cases opened it
      await office.locator('[data-test=stage]', { hasText: '复核' }).waitFor();
      await office.locator('[data-test=close-quarter]').click();
      // entries still under review hold the quarter open unless they are left out explicitly
      await expectText(office.locator('.actions .error-text'), '条记录未核定');
      await office.locator('[data-test=exclude]').click();
      await office.locator('[data-test=close-quarter]').click();
      // the dispute cases opened this quarter's review: its window is still open, so closing asks for a reason
      await expectText(office.locator('.el-message-box:visible .el-message-box__message'), '异议期');
      await confirmBox(office, '季度末集中通报，提前结束异议期');
      // "已保存" from the texts may still be showing: wait for this action's own message.
      await office.locator('.el-message--success', { hasText: '季度已关闭' }).waitFor();
      await expectText(office.locator('[data-test=stage]'), '已关闭');
      await office.locator('[data-test=publish]').click();
      await confirmBox(office);
      // the quarter has not ended yet: the server refuses (quarter_not_ended) and the page asks for a reason to override with
      await expectText(office.locator('.el-message-box:visible .el-message-box__message'), '才结束');
      await confirmBox(office, '年终考核需提前通报');
      await office.locator('.job-progress[data-job-status=done]').waitFor({ timeout: 60_000 });
      await expectText(office.locator('[data-test=stage]'), '已发布');
      await expectText(office.locator('[data-test=guard-override]', { hasText: '强制发布' }), '强制发布：年终考核需提前通报');
      await expectText(office.locator('[data-test=guard-override]', { hasText: '强制关闭' }), '季度末集中通报，提前结束异议期');
      await shot(office, '42-quarter-published');

      const leader = await page('leader');
      await leader.goto('/notices');
      const row = leader.locator('.notices-table .el-table__row', { hasText: quarterLabel(quarter) }).first();
      await expectText(row, '未读');
      await row.locator('a').first().click();
      await leader.waitForURL(/\/notices\/\d+$/);
      // the documents are rendered by a job after publication; the page waits for them
      await expectText(leader.locator('[data-test=notice-title]'), `关于${quarterLabel(quarter)}全区组织工作`, 60_000);
      await expectText(leader.locator('.notice section h2').first(), '一、总体情况');
      await leader.locator('.notice-ranking .el-table__row').first().waitFor();
      await shot(leader, '43-notice');
      const [download] = await Promise.all([leader.waitForEvent('download'), leader.locator('[data-test=download-docx]').click()]);
      assert.match(download.suggestedFilename(), /\.docx$/);
      const file = fs.readFileSync(await download.path());
      assert.equal(file.subarray(0, 2).toString('latin1'), 'PK', 'a DOCX is a zip archive');
      assert.ok(file.length > 5000, `DOCX of ${file.length} bytes`);
      assert.ok(file.includes(Buffer.from('word/document.xml')), 'the archive holds word/document.xml');

      await leader.goto(`/rankings?quarter=${quarter}`);
      await expectText(leader.locator('.page-title h2', { hasText: '得分排名' }), quarterLabel(quarter));
    },
  },
];
