// Office reference data: a unit with a duplicate code, outlet search by alias kept in the URL.
const { assert, choose, expectText, field, fieldError, fill, toast } = require('../ui');

module.exports = [
  {
    name: '办公室新增单位：代码重复时在字段旁提示，改正后保存成功',
    async fn({ page, shot }) {
      const p = await page('office');
      await p.goto('/units');
      await p.locator('.el-table__row', { hasText: '临江街道党工委' }).waitFor();
      await shot(p, '10-units');
      await p.locator('[data-test=new-unit]').click();
      const dialog = p.locator('.el-dialog:visible');
      await fill(dialog, '单位代码', 'ljjd');
      await fill(dialog, '单位名称', '示例新区街道党工委');
      await choose(p, field(dialog, '排名分组').locator('.el-select'), '镇街组', '');
      await dialog.getByRole('button', { name: '保存' }).click();
      assert.equal(await fieldError(dialog, '单位代码'), '单位代码已存在');
      assert.match(await toast(p, 'error'), /LJJD 已存在/);
      await fill(dialog, '单位代码', 'SLXQ');
      await dialog.getByRole('button', { name: '保存' }).click();
      await toast(p, 'success');
      await p.locator('.filters input[name=q]').fill('示例新区');
      await p.getByRole('button', { name: '查询' }).click();
      await p.waitForURL(/q=/);
      await expectText(p.locator('.el-table__row'), 'SLXQ');
      assert.equal(await p.locator('.el-table__row').count(), 1);
    },
  },
  {
    name: '媒体刊物按别名搜索，筛选条件保留在地址栏',
    async fn({ page, shot }) {
      const p = await page('office');
      await p.goto('/outlets');
      await p.locator('.el-table__row').first().waitFor();
      await p.locator('.filters input[name=q]').fill('央视');
      await p.getByRole('button', { name: '查询' }).click();
      await p.waitForURL(/q=%E5%A4%AE%E8%A7%86/);
      await expectText(p.locator('.el-table__row'), '中央广播电视总台');
      assert.equal(await p.locator('.el-table__row').count(), 1);
      await shot(p, '11-outlets-alias-search');
      // a reload (or a pasted link) shows the same filtered list
      await p.reload();
      await expectText(p.locator('.el-table__row'), '中央广播电视总台');
      assert.equal(await p.locator('.filters input[name=q]').inputValue(), '央视');
    },
  },
  {
    name: '办公室在业务设置页设定本部的异议期天数，留空后恢复系统默认',
    async fn({ page, shot }) {
      const p = await page('office');
      await p.goto('/office-settings');
      const form = p.locator('[data-test=office-settings]');
      const days = form.locator('input[name=quarterDisputeDays]');
      await days.waitFor();
      const hint = form.locator('[data-test=setting-quarterDisputeDays] .hint');
      const before = (await hint.innerText()).match(/当前生效：(\d+)/)[1];
      await days.fill('9');
      await form.getByRole('button', { name: '保存' }).click();
      await toast(p, 'success');
      await expectText(hint, '当前生效：9');
      await shot(p, '12-office-settings');
      await p.reload();
      assert.equal(await form.locator('input[name=quarterDisputeDays]').inputValue(), '9');
      // emptied: back to the deployment's setting (and the demo keeps its window for the cases after this one)
      await form.locator('input[name=quarterDisputeDays]').fill('');
      await form.getByRole('button', { name: '保存' }).click();
      await toast(p, 'success');
      await expectText(hint, `当前生效：${before}`);
    },
  },
];
