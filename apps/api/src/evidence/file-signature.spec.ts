import { checkEvidenceFile } from './file-signature';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n', 'latin1');

describe('checkEvidenceFile', () => {
  it.each([
    ['clip.png', png, true, undefined],
    ['剪报.PDF', pdf, true, undefined],
    ['clip.png', pdf, false, 'file_content_mismatch'],
    ['tool.exe', png, false, 'forbidden_file_type'],
    ['noextension', png, false, 'forbidden_file_type'],
    ['empty.png', Buffer.alloc(0), false, 'empty_file'],
  ])('%s → ok=%s %s', (name, content, ok, code) => {
    const result = checkEvidenceFile(name, content, 1024 * 1024);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('refuses a file over the limit', () => {
    const result = checkEvidenceFile('big.png', Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]), 1024 * 1024);
    expect(result).toMatchObject({ ok: false, code: 'file_too_large' });
  });
});
