// The format-2 scheme editor (issue #12): the office builds 示例二 from a blank scheme using only
// the grids and forms, previews it and saves it; the saved document is 示例二 (compared as data).
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { assert, confirmBox, expectText, shanghaiQuarter, pickQuarter } = require('../ui');
const { root } = require('../harness');

const preset = YAML.parse(fs.readFileSync(path.join(root, 'config/schemes/examples/example-2-start-deductions-caps.yaml'), 'utf8'));

/** Types a number into the input of the form item marked `data-field=field` and leaves it (el-input-number commits on blur). */
async function num(page, field, value) {
  const input = page.locator(`[data-field="${field}"] input`).first();
  await input.fill(String(value));
  await input.blur();
}
async function text(page, field, value) {
  await page.locator(`[data-field="${field}"] input`).first().fill(value);
}
/** Opens an el-select and clicks the option showing `optionText`. */
async function pick(page, select, optionText) {
  await select.click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: optionText }).first().click();
}
const tab = (page, name) => page.locator('.el-tabs__item', { hasText: name }).click();

/** Waits until the YAML beside the forms parses to `expected`; fails with the last difference. */
async function yamlBecomes(page, expected, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const doc = YAML.parse(await page.locator('[data-test=scheme-yaml]').inputValue());
    try {
      assert.deepStrictEqual(doc, expected);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

module.exports = [
  {
    name: '办公室从空白办法开始，只用表格和表单填出示例二，试算预览后确认保存',
    async fn({ page, shot, api }) {
      const office = await page('office', { width: 1500, height: 900 });
      await office.goto('/schemes');
      await office.getByRole('button', { name: '新建版本' }).click();
      const dialog = office.locator('.el-dialog:visible');
      await pickQuarter(office, dialog, `${Number(shanghaiQuarter().slice(0, 4)) + 1}-Q3`);
      await dialog.getByRole('button', { name: '建立' }).click();
      await office.waitForURL(/\/schemes\/\d+$/);
      const id = Number(new URL(office.url()).pathname.split('/').pop());

      await office.locator('[data-test=start-blank]').click();
      await confirmBox(office);
      await text(office, 'name', preset.name);

      // 第 2 条：the value table, one row per channel, a cell per level
      const rows = [
        { label: '媒体采用', channel: '宣传（媒体）', points: { central: 30, provincial: 10, municipal: 5, district: 1 } },
        { label: '刊物采用', channel: '信息（刊物采用）', points: { central: 40, provincial: 20, municipal: 10, district: 5 } },
      ];
      for (const [i, row] of rows.entries()) {
        await office.locator('[data-test=add-row]').click();
        await text(office, `adoption.rows[${i}].label`, row.label);
        await office.locator(`[data-test=edit-when-${i}]`).click();
        const when = office.locator('.el-dialog:visible');
        await when.locator('[data-test=when-add]').click();
        await pick(office, when.locator('[data-test=when-channel]'), row.channel);
        await when.locator('.el-dialog__title').click(); // closes the multiple select's dropdown
        await when.locator('[data-test=when-done]').click();
        await when.waitFor({ state: 'hidden' });
        for (const [level, points] of Object.entries(row.points)) await num(office, `adoption.rows[${i}].points.${level}`, points);
      }
      await num(office, 'adoption.factors.prominence.headline', 2);
      await num(office, 'adoption.factors.prominence.front', 1.5);
      await pick(office, office.locator('[data-test=repeat-keep]'), '每季度取最高一次');
      await pick(office, office.locator('[data-test="split-adoption.split"]'), '按申报份额');

      await tab(office, '批示、约稿、月报');
      await office.locator('[data-test=commission-enabled]').click();
      await num(office, 'commission.onTime', 1);
      await num(office, 'commission.late', -1);
      await num(office, 'commission.missed', -2);
      await office.locator('[data-test=add-issuer]').click();
      await text(office, 'commission.byIssuer[0].issuer', '市委办公室');
      await num(office, 'commission.byIssuer[0].missed', -4);
      await office.locator('[data-test=monthly-enabled]').click();
      await num(office, 'monthlyReport.dueDay', 5);
      await num(office, 'monthlyReport.late', -0.5);
      await num(office, 'monthlyReport.missing', -1);

      await tab(office, '其他事项');
      await office.locator('[data-test=add-item]').click();
      await text(office, 'items[0].kind', '虚假信息');
      await num(office, 'items[0].points', -3);
      await pick(office, office.locator('[data-test=item-recorded-by-0]'), '仅办公室');
      await office.locator('[data-test=item-voids-0]').click();

      await tab(office, '任务与比率');
      await office.locator('[data-test=add-target]').click();
      await text(office, 'targets[0].label', '季度报送任务');
      await num(office, 'targets[0].target', 5);
      await num(office, 'targets[0].eachShort', -0.5);
      await office.locator('[data-test=add-rate]').click();
      await text(office, 'rates[0].label', '信息采用率');
      await num(office, 'rates[0].threshold', 0.25);
      await num(office, 'rates[0].points', -2);

      await tab(office, '总分与排名');
      await num(office, 'total.start', 10);
      await pick(office, office.locator('[data-test=total-order]'), '先扣分，后加分');
      await num(office, 'total.deductions.floor', 0);
      await num(office, 'total.bonuses.cap', 40);

      // the YAML beside the forms is 示例二, and the browser's own check of it passes
      await yamlBecomes(office, preset);
      await office.locator('[data-test=yaml-problems] .ok').waitFor();
      await shot(office, '45-scheme-editor-example-2');

      await office.locator('[data-test=preview-run]').click();
      const previewError = office.locator('[data-test=preview-error]');
      await Promise.race([office.locator('.preview-table .el-table__row').first().waitFor(), previewError.waitFor()]);
      assert.equal(await previewError.count(), 0, `预览失败：${await previewError.textContent().catch(() => '')}`);
      // per-row hit counts of the draft's table, by row label
      await expectText(office.locator('[data-test=row-hits]'), '媒体采用');
      await expectText(office.locator('[data-test=row-hits]'), '刊物采用');
      assert.ok((await office.locator('[data-test=group-ranking] .group').count()) >= 1, 'the preview shows the ranking by group');
      await office.locator('[data-test=group-ranking]').scrollIntoViewIfNeeded();
      await shot(office, '46-scheme-editor-preview-hits');

      await office.locator('[data-test=save-scheme]').click();
      const changes = office.locator('[data-test=save-changes] .el-table__row');
      await changes.first().waitFor();
      assert.ok((await changes.count()) > 0, 'the confirmation lists what changes');
      await office.locator('[data-test=confirm-save]').click();
      // "新版本已建立" may still be showing: wait for the save's own message (an error toast fails the case)
      await Promise.race([office.locator('.el-message--success', { hasText: '已保存' }).waitFor(), office.locator('.el-message--error').waitFor()]);
      assert.equal(await office.locator('.el-message--error').count(), 0, `保存失败：${await office.locator('.el-message--error').first().textContent().catch(() => '')}`);

      const office2 = await api('office');
      const saved = await (await office2.get(`/api/schemes/${id}`)).json();
      assert.deepStrictEqual(YAML.parse(saved.document), preset);
      // the version is dropped again: the cases after this one expect the versions they made
      assert.ok((await office2.delete(`/api/schemes/${id}`)).ok());
    },
  },
];
