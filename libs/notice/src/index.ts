// The pure notice model (通报): the data a published quarter freezes, and the text, tables and
// sections both the DOCX/XLSX writers (apps/api) and the web notice page render from it. No Nest,
// TypeORM, I/O or clock here (lint-enforced), so the page and the document cannot disagree.
export * from './notice-data';
export * from './notice-format';
export * from './notice-narrative';
export * from './notice-tables';
export * from './notice-html';
