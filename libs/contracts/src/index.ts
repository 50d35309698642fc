export * from './enums';
export * from './responses';
