// Reminders (issue #14): the office's 一键催报 reaches the officer as a message and a home card.
const { assert, confirmBox, expectText, shanghaiDate, toast } = require('../ui');

module.exports = [
  {
    name: '办公室一键催报，信息员在消息铃铛和首页卡片看到提醒',
    async fn({ page, shot }) {
      // A month before the demo records: no unit filed it, whatever other cases file meanwhile.
      const month = `${Number(shanghaiDate().slice(0, 4)) - 2}-06`;
      const office = await page('office');
      await office.goto(`/monthly-reports/compliance?month=${month}`);
      await expectText(office.locator('.el-table__row', { hasText: '临江街道党工委' }), '未报送');
      const urge = office.locator('[data-test=urge]');
      await office.waitForFunction(() => !document.querySelector('[data-test=urge]')?.hasAttribute('disabled'));
      await urge.click();
      await confirmBox(office);
      assert.match(await toast(office, 'success'), /^已向 \d+ 个单位发送催报$/);
      await shot(office, '50-urge-monthly');

      // The job delivers right after the click: wait for it as the jobs page shows it.
      await office.waitForFunction(async () => {
        const jobs = await (await fetch('/api/jobs?name=reminders.send')).json();
        return jobs.items[0]?.status === 'done';
      }, null, { polling: 200, timeout: 15_000 });
      const title = `办公室催报：${month} 月报已于`;
      const officer = await page('officer');
      await officer.goto('/');
      await expectText(officer.locator('[data-test=home-notifications]'), title);
      await shot(officer, '51-home-reminder');
      const badge = officer.locator('[data-test=bell] .el-badge__content');
      assert.match((await badge.textContent()).trim(), /^\d+$/);
      // the card links to what to do: the monthly report page
      await officer.locator('[data-test=home-notifications] .row', { hasText: title }).first().click();
      await officer.waitForURL((url) => url.pathname === '/monthly-report');
      // the bell lists it too, now read
      await officer.locator('[data-test=bell] button').click();
      await expectText(officer.locator('.el-popover:visible'), title);
      await officer.locator('.el-popover:visible .item.unread', { hasText: title }).waitFor({ state: 'detached' });

      // another unit's officer (青石镇) was reminded too, of its own report only
      const other = await page('officer2');
      await other.goto('/');
      await expectText(other.locator('[data-test=home-notifications]'), title);
    },
  },
];
