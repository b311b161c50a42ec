export * from './auth.contract.ts';
export * from './common.contract.ts';
export * from './credit-code.ts';
export * from './directory.contract.ts';
export * from './permissions.ts';
