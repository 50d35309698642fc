export * from './enums';
export * from './responses';
export * from './preview';
export * from './audit';
