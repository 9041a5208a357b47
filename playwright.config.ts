import { defineConfig } from '@playwright/test';

// Each test file launches its own Chromium with the built extension and DevTools open; on a
// 2-core machine one worker is both fastest and steadiest.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
});
