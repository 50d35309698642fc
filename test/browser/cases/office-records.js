// Records on behalf of a unit (issue #14): the office enters a report it received by e-mail with
// the time it really came in, and 月报情况 shows it as office-recorded.
const { assert, choose, field, fill, expectText, shanghaiDate, toast } = require('../ui');

module.exports = [
  {
    name: '办公室代为登记昨天 23:50 邮件收到的月报，月报情况显示代登记标记',
    async fn({ page, shot }) {
      const yesterday = shanghaiDate(-1);
      // The month whose report falls due in yesterday's month: an ordinary late-or-on-time filing.
      const [y, m] = yesterday.split('-').map(Number);
      const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
      const unitName = '区司法局党组';
      const note = `${yesterday.slice(5)} 23:50 收到司法局邮件报送`;

      const office = await page('office');
      await office.goto(`/monthly-reports/compliance?month=${month}`);
      const row = office.locator('.el-table__row', { hasText: unitName });
      await row.locator('[data-test=record-report]').click();
      const dialog = office.locator('.el-dialog:visible', { hasText: '代为登记月报' });
      await field(dialog, '收到时间').waitFor();

      // A missing note comes back from the server under its field.
      const at = field(dialog, '收到时间').locator('input');
      await at.fill(`${yesterday} 23:50`);
      await at.press('Enter');
      await choose(office, field(dialog, '收到方式').locator('.el-select'), '电子邮件', '');
      await fill(dialog, '说明', ' ');
      await dialog.locator('[data-test=record-report-save]').click();
      await expectText(field(dialog, '说明').locator('.el-form-item__error'), '请说明如何收到');

      await fill(dialog, '说明', note);
      await field(dialog, '报送稿件').locator('input').fill('3');
      await field(dialog, '报送稿件').locator('input').press('Tab');
      await field(dialog, '录用篇次').locator('input').fill('1');
      await field(dialog, '录用篇次').locator('input').press('Tab');
      await dialog.locator('[data-test=record-report-save]').click();
      assert.equal(await toast(office, 'success'), '已代为登记');
      await dialog.waitFor({ state: 'hidden' });

      await expectText(row, `${yesterday} 23:50`);
      const mark = row.locator('[data-test=office-mark]');
      await expectText(mark, '办公室代登记·电子邮件');
      await mark.hover();
      await expectText(office.locator('.el-popper:visible', { hasText: note }), note);
      await shot(office, '70-office-recorded-report');

      // Reloaded from the server, the mark and the time stay.
      await office.reload();
      await expectText(office.locator('.el-table__row', { hasText: unitName }).locator('[data-test=office-mark]'), '办公室代登记·电子邮件');
    },
  },
];
