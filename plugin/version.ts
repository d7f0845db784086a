// Kept in step with package.json by a test (test/generated.test.ts).
export const version = '0.1.0';
