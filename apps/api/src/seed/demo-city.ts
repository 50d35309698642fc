/**
 * The demo city above the demo district (names are invented): a city office ranking its three
 * districts, 示例区 (the demo office, which keeps its id and accounts) and two small ones.
 */
export const DEMO_CITY = {
  code: 'DEMOCITY', name: '中共示例市委组织部办公室', regionName: '示例市', issuingAuthority: '中共示例市委组织部', docNumberPrefix: '示市组办',
};

export const DEMO_CITY_GROUP = { code: 'DISTRICT', name: '区县组', sortOrder: 1 };

/** The name of the unit standing for the demo district in the city's ranking. */
export const DEMO_DISTRICT_IN_CITY = '示例区委组织部';

/** The two other districts: a few units each and one office account to verify their records. */
export const DEMO_OTHER_DISTRICTS = [
  {
    office: { code: 'DEMOBJ', name: '中共北江区委组织部办公室', regionName: '北江区', issuingAuthority: '中共北江区委组织部', docNumberPrefix: '北组办' },
    unitName: '北江区委组织部',
    units: [{ code: 'JHJD', name: '江滨街道党工委' }, { code: 'TSZ', name: '桃山镇党委' }, { code: 'BJJYJ', name: '北江区教育局党委' }],
    account: { username: 'bjoffice', displayName: '北江区 办公室 孙悦', role: 'office' },
  },
  {
    office: { code: 'DEMONS', name: '中共南山区委组织部办公室', regionName: '南山区', issuingAuthority: '中共南山区委组织部', docNumberPrefix: '南组办' },
    unitName: '南山区委组织部',
    units: [{ code: 'NHJD', name: '南湖街道党工委' }, { code: 'SKZ', name: '石坎镇党委' }, { code: 'NSWJW', name: '南山区卫健委党委' }],
    account: { username: 'nsoffice', displayName: '南山区 办公室 何平', role: 'office' },
  },
] as const;

/** The city's own accounts. */
export const DEMO_CITY_ACCOUNTS = [
  { username: 'cityadmin', displayName: '示例市 系统管理员', role: 'admin' },
  { username: 'cityoffice', displayName: '示例市 办公室 林晓', role: 'office' },
  { username: 'cityleader', displayName: '示例市 黄部长', role: 'leader' },
] as const;
