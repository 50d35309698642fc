export * from './enums';
export * from './responses';
export * from './audit';
