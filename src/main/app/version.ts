// Kept in step with package.json by a test (tests/node/packaging.test.ts).
export const APP_VERSION = '0.1.0';
