export * from './accounts.ts';
export * from './enums.ts';
export * from './families.ts';
export * from './geography.ts';
export * from './platform.ts';
export * from './providers.ts';
export * from './requests.ts';
