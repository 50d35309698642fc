// Login, role menus, forced password change with its field errors, 404, language switch.
const { assert, choose, expectText, field, fieldError, fill, toast } = require('../ui');

module.exports = [
  {
    name: '登录：密码错误时提示，正确后进入待办首页',
    async fn({ page, shot }) {
      const p = await page();
      await p.goto('/articles');
      await p.waitForURL(/\/login\?redirect=/);
      await shot(p, '01-login');
      await fill(p, '用户名', 'leader');
      await fill(p, '密码', 'wrong-password1');
      await p.getByRole('button', { name: '登 录' }).click();
      assert.equal(await toast(p, 'error'), '用户名或密码错误');
      await fill(p, '密码', 'Demo@2026');
      await p.getByRole('button', { name: '登 录' }).click();
      // the leader may not open /articles: the redirect falls back to the home page
      await p.waitForURL((url) => url.pathname === '/');
      await expectText(p.locator('[data-test=user-menu]'), '李部长');
      await expectText(p.locator('[data-test=user-menu]'), '领导');
    },
  },
  {
    name: '菜单按角色显示：信息员录入，办公室核定，管理员管用户',
    async fn({ page, shot }) {
      const menuText = async (user) => {
        const p = await page(user);
        await p.goto('/');
        await p.locator('.side-menu').waitFor();
        return { p, text: await p.locator('.side-menu').innerText() };
      };
      const officer = await menuText('officer');
      assert.match(officer.text, /录入稿件/);
      assert.match(officer.text, /约稿任务/);
      assert.doesNotMatch(officer.text, /核定队列|报送单位|用户管理/);
      await officer.p.locator('[data-todo]').first().waitFor();
      await shot(officer.p, '02-home-officer');
      const office = await menuText('office');
      assert.match(office.text, /核定队列/);
      assert.match(office.text, /媒体刊物/);
      assert.doesNotMatch(office.text, /录入稿件|用户管理/);
      await office.p.locator('[data-todo=verify]').waitFor();
      await shot(office.p, '03-home-office');
      const admin = await menuText('admin');
      assert.match(admin.text, /用户管理/);
      assert.doesNotMatch(admin.text, /核定队列/);
      // a page outside the role sends the user home instead of showing an empty page
      await admin.p.goto('/verify');
      await admin.p.waitForURL((url) => url.pathname === '/');
    },
  },
  {
    name: '管理员新增账号，新用户首次登录须改密码，弱密码在字段旁报错',
    async fn({ page }) {
      const admin = await page('admin');
      await admin.goto('/users');
      await admin.getByRole('button', { name: '新增' }).click();
      const dialog = admin.locator('.el-dialog:visible');
      await fill(dialog, '用户名', 'zhouli');
      await fill(dialog, '姓名', '枫林街道 信息员 周丽');
      await choose(admin, field(dialog, '角色').locator('.el-select'), '信息员', '');
      await choose(admin, field(dialog, '所属单位').locator('.el-select'), '枫林街道党工委', '枫林');
      await fill(dialog, '初始密码', 'short');
      await dialog.getByRole('button', { name: '保存' }).click();
      assert.match(await fieldError(dialog, '初始密码'), /不能少于 10 个字符/);
      await fill(dialog, '初始密码', 'Start2026x');
      await dialog.getByRole('button', { name: '保存' }).click();
      await toast(admin, 'success');
      await expectText(admin.locator('.el-table__row', { hasText: 'zhouli' }), '枫林街道党工委');

      const user = await page();
      await user.goto('/login');
      await fill(user, '用户名', 'zhouli');
      await fill(user, '密码', 'Start2026x');
      await user.getByRole('button', { name: '登 录' }).click();
      await user.waitForURL(/\/password$/);
      await fill(user, '当前密码', 'Start2026y');
      await fill(user, '新密码', 'Better2026x');
      await fill(user, '确认新密码', 'Better2026x');
      await user.getByRole('button', { name: '修改密码' }).click();
      assert.equal(await fieldError(user, '当前密码'), '当前密码不正确');
      await fill(user, '当前密码', 'Start2026x');
      await fill(user, '新密码', 'abcdefghij');
      await fill(user, '确认新密码', 'abcdefghij');
      await user.getByRole('button', { name: '修改密码' }).click();
      assert.equal(await fieldError(user, '新密码'), '密码须包含小写字母、大写字母、数字、符号中的至少 3 类');
      // the old error is gone once the server has answered about another field
      // (waits: the two errors are updated in separate renders; seen racing once in CI)
      await field(user, '当前密码').locator('.el-form-item__error').waitFor({ state: 'detached', timeout: 5000 });
      await fill(user, '新密码', 'Better2026x');
      await fill(user, '确认新密码', 'Better2026x');
      await user.getByRole('button', { name: '修改密码' }).click();
      await user.waitForURL((url) => url.pathname === '/');
      await expectText(user.locator('[data-test=user-menu]'), '周丽');
      // and the menu's logout ends the session
      await user.locator('[data-test=user-menu]').click();
      await user.locator('.el-dropdown-menu__item', { hasText: '退出登录' }).click();
      await user.waitForURL(/\/login/);
      await user.goto('/articles');
      await user.waitForURL(/\/login\?redirect=/);
    },
  },
  {
    name: '不存在的页面显示 404，English 切换菜单语言',
    async fn({ page, shot }) {
      const p = await page('office');
      await p.goto('/no/such/page');
      await expectText(p.locator('.el-result'), '页面不存在');
      await p.getByRole('button', { name: 'English' }).click();
      await expectText(p.locator('.side-menu'), 'Verification');
      await expectText(p.locator('.el-result'), 'Page not found');
      await shot(p, '99-not-found-english');
      await p.getByRole('button', { name: '中文' }).click();
      await expectText(p.locator('.side-menu'), '核定队列');
    },
  },
];
