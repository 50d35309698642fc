/** Content type and Content-Disposition of a spreadsheet download named in ASCII and in Chinese. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const xlsxAttachment = (ascii: string, chinese: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
