export * from './enums';
export * from './quarters';
export * from './responses';
export * from './preview';
export * from './audit';
