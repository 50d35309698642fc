/** The demo district seeded into an empty database (names are invented). */
export const DEMO_OFFICE = { code: 'DEMO', name: '中共示例区委组织部办公室', regionName: '示例区' };

export const DEMO_GROUPS = [
  { code: 'TOWN', name: '镇街组', sortOrder: 1 },
  { code: 'DEPT', name: '部门组', sortOrder: 2 },
];

export const DEMO_UNITS: { code: string; name: string; group: string }[] = [
  { code: 'LJJD', name: '临江街道党工委', group: 'TOWN' },
  { code: 'QSZ', name: '青石镇党委', group: 'TOWN' },
  { code: 'FLJD', name: '枫林街道党工委', group: 'TOWN' },
  { code: 'BHJD', name: '滨湖街道党工委', group: 'TOWN' },
  { code: 'SQZ', name: '双桥镇党委', group: 'TOWN' },
  { code: 'HXJD', name: '河西街道党工委', group: 'TOWN' },
  { code: 'YSZ', name: '云山镇党委', group: 'TOWN' },
  { code: 'DMJD', name: '东门街道党工委', group: 'TOWN' },
  { code: 'GTZ', name: '古塘镇党委', group: 'TOWN' },
  { code: 'XCJD', name: '新城街道党工委', group: 'TOWN' },
  { code: 'RSJ', name: '区人社局党委', group: 'DEPT' },
  { code: 'WLJ', name: '区文旅局党组', group: 'DEPT' },
  { code: 'JYJ', name: '区教育局党委', group: 'DEPT' },
  { code: 'WJW', name: '区卫健委党委', group: 'DEPT' },
  { code: 'ZJJ', name: '区住建局党组', group: 'DEPT' },
  { code: 'NYJ', name: '区农业农村局党组', group: 'DEPT' },
  { code: 'SWJ', name: '区商务局党组', group: 'DEPT' },
  { code: 'MZJ', name: '区民政局党组', group: 'DEPT' },
  { code: 'GAJ', name: '区公安分局党委', group: 'DEPT' },
  { code: 'SFJ', name: '区司法局党组', group: 'DEPT' },
];

/** One account per role; the officer and reviewer belong to 临江街道. */
export const DEMO_ACCOUNTS = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', unit: null },
  { username: 'office', displayName: '办公室 王敏', role: 'office', unit: null },
  { username: 'leader', displayName: '李部长', role: 'leader', unit: null },
  { username: 'officer', displayName: '临江街道 信息员 张磊', role: 'officer', unit: 'LJJD' },
  { username: 'reviewer', displayName: '临江街道 办公室主任 陈静', role: 'reviewer', unit: 'LJJD' },
  { username: 'officer2', displayName: '青石镇 信息员 赵强', role: 'officer', unit: 'QSZ' },
] as const;

/** With SEPARATION_OF_DUTIES (三员分立): the security administrator and the auditor as well. */
export const DEMO_DUTY_ACCOUNTS = [
  { username: 'secadmin', displayName: '安全管理员 周安', role: 'secadmin', unit: null },
  { username: 'auditor', displayName: '安全审计员 吴审', role: 'auditor', unit: null },
] as const;
