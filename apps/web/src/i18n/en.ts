import type zh from './zh-CN';

/** English strings of the shell, menus and common buttons. */
const en: typeof zh = {
  app: { name: 'Publicity Scoring', short: 'PubScore' },
  roles: { officer: 'Officer', reviewer: 'Unit reviewer', office: 'Office', leader: 'Leader', admin: 'Administrator', secadmin: 'Security administrator', auditor: 'Auditor' },
  menu: {
    home: 'To-do',
    recording: 'Recording',
    articles: 'Articles',
    newArticle: 'New article',
    importArticles: 'Spreadsheet import',
    inbox: 'Commissions',
    monthly: 'Monthly report',
    items: 'Other records',
    adjustments: 'Adjustments',
    myScore: 'Score statement',
    review: 'Unit review',
    verify: 'Verification',
    allArticles: 'All articles',
    commissions: 'Commissions',
    compliance: 'Monthly reports',
    scoring: 'Scoring & publication',
    schemes: 'Schemes',
    quarters: 'Quarters',
    notices: 'Notices',
    rankings: 'Rankings & charts',
    reference: 'Reference data',
    units: 'Units',
    groups: 'Ranking groups',
    outlets: 'Outlets',
    system: 'System',
    users: 'Users',
    officeSettings: 'Business settings',
    jobs: 'Jobs',
    audit: 'Audit log',
  },
  header: { logout: 'Log out', changePassword: 'Change password', language: '中文', collapse: 'Collapse menu' },
  common: {
    search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', delete: 'Delete', save: 'Save', cancel: 'Cancel', confirm: 'OK',
    export: 'Export', import: 'Import', back: 'Back', actions: 'Actions', detail: 'Details', submit: 'Submit', all: 'All', refresh: 'Refresh',
    loading: 'Loading…', saved: 'Saved', deleted: 'Deleted', keyword: 'Keyword', status: 'Status', comingSoon: 'Coming soon',
  },
  login: {
    title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', welcome: 'Welcome to',
    hint: "Demo accounts: admin / office / leader / officer / reviewer / officer2, password Demo{'@'}2026",
  },
  password: {
    title: 'Change password', current: 'Current password', new: 'New password', confirm: 'Confirm new password', submit: 'Change password',
    forced: 'Your password is temporary or has expired: please set a new one before you continue.', mismatch: 'The two new passwords differ', rule: 'At least 10 characters mixing 3 of: upper case, lower case, digits, symbols; not the username', done: 'Password changed',
  },
  notFound: { title: 'Page not found', text: 'The page does not exist or has moved.', home: 'Go to the home page' },
};
export default en;
