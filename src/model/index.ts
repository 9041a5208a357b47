export * from './cors-error';
export * from './exchange';
export * from './diagnosis';
