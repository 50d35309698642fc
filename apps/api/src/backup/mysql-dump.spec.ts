import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanDump } from './mysql-dump';

// Shapes taken from real dumps: MariaDB's dump puts each tuple of an INSERT on its own line,
// MySQL's keeps them on one; strings escape quotes, backslashes and newlines with a backslash.
const HEAD = '-- MariaDB dump 10.19\n/*!40101 SET NAMES utf8mb4 */;\n';
const TAIL = '\n-- Dump completed on 2026-12-03  9:58:33\n';
const EVIDENCE = 'CREATE TABLE `evidence_files` (\n  `id` int(11) NOT NULL,\n  `fileName` varchar(200) NOT NULL,\n  `fileKey` varchar(80) NOT NULL\n);\n';

describe('scanDump', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-scan-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const scan = (text: string) => {
    const file = path.join(dir, 'dump.sql');
    fs.writeFileSync(file, text);
    return scanDump(file);
  };

  it.each([
    ['one tuple a line (MariaDB)', "INSERT INTO `evidence_files` (`id`, `fileName`, `fileKey`) VALUES (1,'x\\\\\\'),(\\'','k1.png'),\n(2,'a\\nb\\'c','k2.png'),\n(3,'(k9.png)','k3.png');"],
    ['all tuples on one line (MySQL)', "INSERT INTO `evidence_files` (`id`, `fileName`, `fileKey`) VALUES (1,'x\\\\\\'),(\\'','k1.png'),(2,'a\\nb\\'c','k2.png'),(3,'(k9.png)','k3.png');"],
  ])('counts the rows and reads the file keys with %s', async (_shape, insert) => {
    const result = await scan(`${HEAD}${EVIDENCE}${insert}\nCREATE TABLE \`empty_one\` (\n  \`id\` int\n);\n${TAIL}`);
    expect(result.tables).toEqual({ evidence_files: 3, empty_one: 0 });
    // A file name shaped like a key is not a key: only the fileKey column counts.
    expect([...result.fileKeys].sort()).toEqual(['k1.png', 'k2.png', 'k3.png']);
  });

  it('adds up several INSERTs of one table', async () => {
    const insert = (id: number) => `INSERT INTO \`evidence_files\` (\`id\`, \`fileName\`, \`fileKey\`) VALUES (${id},'a','k${id}.png');\n`;
    const result = await scan(`${HEAD}${EVIDENCE}${insert(1)}${insert(2)}${TAIL}`);
    expect(result.tables.evidence_files).toBe(2);
  });

  it('refuses a dump that stopped before its end', async () => {
    await expect(scan(`${HEAD}${EVIDENCE}`)).rejects.toThrow(/not a complete dump/);
  });
});
