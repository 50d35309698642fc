/**
 * Evidence is a screenshot, a PDF or a scan. The extension must be allowed AND the bytes must
 * be what the extension says: a renamed .exe is refused even when it is called .png.
 */
export const EVIDENCE_TYPES: Record<string, { mime: string; matches: (b: Buffer) => boolean }> = {
  png: { mime: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  jpg: { mime: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mime: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  gif: { mime: 'image/gif', matches: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  webp: { mime: 'image/webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  pdf: { mime: 'application/pdf', matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
};

export type EvidenceCheck = { ok: true; extension: string; mime: string } | { ok: false; code: string; message: string };

export function checkEvidenceFile(fileName: string, content: Buffer, maxBytes: number): EvidenceCheck {
  const extension = (fileName.split('.').pop() ?? '').toLowerCase();
  const type = EVIDENCE_TYPES[extension];
  if (!type || !fileName.includes('.')) {
    return { ok: false, code: 'forbidden_file_type', message: `不支持的文件类型，只接受 ${Object.keys(EVIDENCE_TYPES).join('、')}` };
  }
  if (content.length === 0) return { ok: false, code: 'empty_file', message: '文件是空的' };
  if (content.length > maxBytes) return { ok: false, code: 'file_too_large', message: `文件不能超过 ${Math.floor(maxBytes / 1024 / 1024)} MB` };
  if (!type.matches(content)) return { ok: false, code: 'file_content_mismatch', message: `文件内容与扩展名 .${extension} 不符` };
  return { ok: true, extension: extension === 'jpeg' ? 'jpg' : extension, mime: type.mime };
}
