// Printing what leaders hand around: the notice page in the print layout (A4, no navigation).
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('../harness');
const { assert, expectText } = require('../ui');

module.exports = [
  {
    name: '领导打印通报页：打印版式只留通报正文（无菜单、页头和按钮），A4 PDF 含通报标题',
    async fn({ page, api, shot }) {
      const notices = await (await (await api('leader')).get('/api/notices')).json();
      assert.ok(notices.length > 0, 'the demo district has published notices');
      const leader = await page('leader');
      await leader.goto(`/notices/${notices[0].id}`);
      const title = leader.locator('[data-test=notice-title]');
      await title.waitFor();
      const titleText = (await title.textContent()).trim();
      assert.match(titleText, /通报/);

      // The 打印 button opens the browser's print dialog.
      await leader.evaluate(() => {
        window.__printed = 0;
        window.print = () => { window.__printed += 1; };
      });
      await leader.locator('[data-test=print-notice]').click();
      assert.equal(await leader.evaluate(() => window.__printed), 1);

      // On screen the menu and header are there; in print they are gone and the notice stays.
      assert.ok(await leader.locator('.aside').isVisible());
      await leader.emulateMedia({ media: 'print' });
      for (const selector of ['.aside', '.header', '[data-test=print-notice]', '[data-test=download-docx]']) {
        assert.equal(await leader.locator(selector).isVisible(), false, `${selector} is hidden in print`);
      }
      assert.ok(await title.isVisible());
      await expectText(leader.locator('.notice'), '附件');
      // the notice spans the paper's width, not the width left beside a menu
      const box = await leader.locator('.notice').boundingBox();
      const width = await leader.evaluate(() => document.documentElement.clientWidth);
      assert.ok(box.x < 40 && box.width > width - 80, `notice at x=${box.x} width=${box.width} of ${width}`);
      await shot(leader, '45-notice-print', true);

      const pdf = await leader.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      const dir = path.join(root, 'test-artifacts');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'notice-print.pdf'), pdf);
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      // A4 is 595 × 842 points; the notice with its attachments runs over several sheets.
      const text = pdf.toString('latin1');
      const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      assert.ok(boxes.length >= 2 && boxes.every(([w, h]) => Math.abs(w - 595) < 1 && Math.abs(h - 842) < 1), `A4 sheets: ${JSON.stringify(boxes)}`);
      assert.ok((text.match(/\/Type\s*\/Page\b/g) ?? []).length >= 2, 'several printed sheets');
    },
  },
];
