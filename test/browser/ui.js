// Small helpers for driving Element Plus widgets the way a person does: by their visible labels.
const assert = require('node:assert/strict');

/** The form item whose label is exactly `label` (inside `scope`, a page or a locator). */
const field = (scope, label) => scope.locator(`.el-form-item:has(.el-form-item__label:text-is("${label}"))`).first();

/** Types into the text input or textarea of a labelled form item. */
async function fill(scope, label, value) {
  await field(scope, label).locator('input:not([type=file]), textarea').first().fill(value);
}

/** The error text shown under a labelled form item (waits for it). */
async function fieldError(scope, label) {
  const error = field(scope, label).locator('.el-form-item__error');
  await error.waitFor();
  return (await error.textContent()).trim();
}

/** Opens an el-select (in a labelled item, or the given select locator), types to filter, picks the option. */
async function choose(page, select, optionText, typed = optionText) {
  await select.click();
  const input = select.locator('input').first();
  if (typed && (await input.getAttribute('readonly')) === null) await input.fill(typed);
  const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: optionText }).first();
  await option.click();
}

/** Picks a quarter ("2026-Q4") in the year + 第N季度 picker inside `scope`. */
async function pickQuarter(page, scope, key) {
  const picker = scope.locator('[data-test=quarter-picker]').first();
  await choose(page, picker.locator('.el-select').first(), `${key.slice(0, 4)}年`, '');
  await choose(page, picker.locator('.el-select').nth(1), `第${'一二三四'[Number(key.slice(6)) - 1]}季度`, '');
}

/** The latest ElMessage text (success or error toast). */
async function toast(page, type) {
  const box = page.locator(`.el-message${type ? `--${type}` : ''}`).last();
  await box.waitFor();
  return (await box.textContent()).trim();
}

/** Answers an ElMessageBox: fills its input when given, presses OK. */
async function confirmBox(page, input) {
  const box = page.locator('.el-message-box:visible');
  await box.waitFor();
  if (input !== undefined) await box.locator('input, textarea').first().fill(input);
  await box.locator('.el-message-box__btns .el-button--primary').click();
}

/** A PNG screenshot of a little newspaper clipping, as evidence would be. */
async function clippingPng(browser, text) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 220 } });
  const page = await ctx.newPage();
  await page.setContent(`<body style="margin:0;font-family:'WenQuanYi Micro Hei',sans-serif;background:#fdfbf3">
    <div style="border-bottom:3px double #b71c1c;color:#b71c1c;font-size:26px;font-weight:bold;text-align:center;padding:10px">${text.outlet}</div>
    <div style="padding:10px 16px"><div style="font-size:18px;font-weight:bold">${text.title}</div>
    <div style="font-size:12px;color:#555;margin-top:6px">${text.page} · ${text.date}</div>
    <div style="font-size:12px;color:#333;margin-top:8px;line-height:1.6">本报讯 近日，${text.title.slice(0, 12)}……</div></div></body>`);
  const png = await page.screenshot();
  await ctx.close();
  return png;
}

/** Waits (up to 10 s) until the first match of `locator` contains `expected`: lists reload after a search. */
async function expectText(locator, expected, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let text = '';
  for (;;) {
    await locator.first().waitFor({ timeout: Math.max(1, deadline - Date.now()) });
    text = ((await locator.first().textContent()) ?? '').trim();
    if (text.includes(expected)) return;
    if (Date.now() > deadline) assert.fail(`expected "${expected}" in "${text}"`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Business date in Asia/Shanghai (YYYY-MM-DD), `days` from today: what the server calls today. */
function shanghaiDate(days = 0) {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The business quarter of today, e.g. 2026-Q4. */
function shanghaiQuarter() {
  const [y, m] = shanghaiDate().split('-').map(Number);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

module.exports = { pickQuarter, shanghaiDate, shanghaiQuarter, field, fill, fieldError, choose, toast, confirmBox, clippingPng, expectText, assert };
