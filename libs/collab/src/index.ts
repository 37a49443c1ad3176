export * from './protocol';
export * from './messages';
export * from './socket';
export * from './provider';
