// The recording path through the pages: officer → reviewer → office, scope, bad input, phone width.
const { assert, choose, clippingPng, expectText, field, fieldError, fill, toast } = require('../ui');

const TITLE = '临江街道“党建+网格”打通服务群众最后一米';

/** A pasted screenshot, as Chromium delivers it to the page: a ClipboardEvent carrying an image file. */
async function pasteImage(target, png, name = 'image.png') {
  await target.evaluate((el, { b64, fileName }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], fileName, { type: 'image/png' }));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { b64: png.toString('base64'), fileName: name });
}

module.exports = [
  {
    name: '信息员录入稿件（两条录用，选择文件和粘贴截图作证明），审核人通过，办公室对照材料核定',
    async fn({ page, shot, browser }) {
      const officer = await page('officer');
      await officer.goto('/articles/new');
      await fill(officer, '标题', TITLE);
      await fill(officer, '作者', '张磊、李娜');
      const first = officer.locator('[data-placement="0"]');
      await choose(officer, first.locator('.outlet-picker'), '人民日报', '人民日报社');
      await fill(first, '版面/栏目', '第4版');
      await first.locator('.el-radio-button', { hasText: '头版' }).click();
      const png1 = await clippingPng(browser, { outlet: '人民日报', title: TITLE, page: '第4版', date: '今日' });
      await first.locator('input[type=file]').setInputFiles({ name: '人民日报-第4版.png', mimeType: 'image/png', buffer: png1 });
      await first.locator('.thumb.pending').waitFor();

      await officer.locator('[data-test=add-placement]').click();
      const second = officer.locator('[data-placement="1"]');
      await choose(officer, second.locator('.outlet-picker'), '示例区融媒体中心', '区融媒');
      await fill(second, '网址', 'https://rmt.example.gov.cn/news/2026/1122.html');
      await field(second, '浏览量').locator('input').fill('1280');
      const png2 = await clippingPng(browser, { outlet: '区融媒体中心', title: TITLE, page: '客户端', date: '今日' });
      await pasteImage(second.locator('[data-test=evidence-drop]'), png2);
      await expectText(second.locator('.thumb.pending .name'), '截图-');
      await shot(officer, '20-article-entry', true);

      await officer.locator('[data-test=save-submit]').click();
      // one article, two placements, two uploads and the submission: give a busy machine time
      await officer.waitForURL(/\/articles\/\d+$/, { timeout: 30_000 });
      assert.equal(await toast(officer, 'success'), '已提交单位审核');
      const articleUrl = new URL(officer.url()).pathname;
      await expectText(officer.locator('.el-descriptions .status-tag'), '待单位审核');
      await officer.locator('.placements-table .el-table__row').nth(1).waitFor();
      assert.equal(await officer.locator('.placements-table .el-table__row').count(), 2);
      assert.equal(await officer.locator('.placements-table img').count(), 2);

      const reviewer = await page('reviewer');
      await reviewer.goto('/review');
      const row = reviewer.locator('.queue-table .el-table__row', { hasText: TITLE });
      await row.waitFor();
      await shot(reviewer, '21-review-queue');
      await row.locator('[data-action=approve]').click();
      assert.equal(await toast(reviewer, 'success'), '已审核通过');
      await row.waitFor({ state: 'detached' });

      const office = await page('office');
      await office.goto('/verify');
      const pending = office.locator('.queue-table .el-table__row', { hasText: TITLE });
      await pending.locator('td').nth(2).click();
      const preview = office.locator('[data-test=preview]');
      await expectText(preview.locator('h3'), TITLE);
      await preview.locator('img[src*="/api/evidence/"]').nth(1).waitFor();
      assert.equal(await preview.locator('.entry').count(), 2);
      await expectText(preview, '人民日报');
      await shot(office, '22-verify-with-evidence');
      await pending.locator('[data-action=verify]').click();
      assert.equal(await toast(office, 'success'), '已核定');
      await pending.waitFor({ state: 'detached' });

      await officer.goto(articleUrl);
      await expectText(officer.locator('.el-descriptions .status-tag'), '已核定');
      await officer.locator('.placements-table .el-table__row').nth(1).waitFor();
      const statuses = await officer.locator('.placements-table .status-tag').allTextContents();
      assert.deepEqual(statuses.map((s) => s.trim()), ['已核定', '已核定']);
      await shot(officer, '23-article-verified');
    },
  },
  {
    name: '信息员看不到其他单位的稿件',
    async fn({ page, api }) {
      const officerApi = await api('officer');
      const res = await officerApi.post('/api/articles', { data: { title: '临江街道仅本单位可见的稿件（范围测试）' } });
      assert.equal(res.status(), 201, await res.text());
      const { id } = await res.json();

      const other = await page('officer2');
      await other.goto('/articles');
      await other.locator('.articles-table').waitFor();
      await other.locator('.filters input[name=q]').fill('范围测试');
      await other.getByRole('button', { name: '查询' }).click();
      await other.waitForURL(/q=/);
      await expectText(other.locator('.articles-table .empty-state'), '没有符合条件的稿件');
      await other.goto(`/articles/${id}`);
      await expectText(other.locator('.el-result'), '不属于本单位');

      const own = await page('officer');
      await own.goto('/articles?q=%E8%8C%83%E5%9B%B4%E6%B5%8B%E8%AF%95');
      await expectText(own.locator('.articles-table .el-table__row'), '范围测试');
    },
  },
  {
    name: '手机宽度录入：错误输入在对应字段旁提示',
    async fn({ page, shot }) {
      const p = await page('officer', { width: 375, height: 740 });
      await p.goto('/articles/new');
      await field(p, '标题').waitFor();
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
      await shot(p, '24-entry-phone');

      await p.locator('[data-test=save-draft]').click();
      assert.match(await fieldError(p, '标题'), /.+/);

      await fill(p, '标题', '手机录入的稿件');
      // a placement begun (a page typed) but without an outlet or evidence: both said at once, nothing sent
      await fill(p.locator('[data-placement="0"]'), '版面/栏目', '第2版');
      await p.locator('[data-test=save-submit]').click();
      await expectText(p.locator('[data-placement="0"] .evidence .error-text'), '提交审核前请上传证明材料');
      assert.match(await fieldError(p.locator('[data-placement="0"]'), '媒体/刊物'), /.+/);
      await shot(p, '25-entry-phone-errors', true);
    },
  },
];
