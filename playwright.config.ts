import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// scripts/test.js builds the app, finds Chromium and sets these; `npm test` is the way in.
const port = Number(process.env.E2E_PORT ?? 4173);
const database = process.env.E2E_DATABASE ?? join(tmpdir(), 'mam-stem-e2e.db');

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1, // one shared throwaway database, and a 2-core machine
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 15_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'vi-VN',
		trace: 'off',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || undefined,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: 'node scripts/start.js --no-build',
		url: `http://localhost:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: database,
			// npm run test:postgres: the journeys on PostgreSQL (a throwaway database it made)
			...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
			UPLOADS_PATH: database + '-uploads',
			QUIET_START: '1',
			// One process with one grading thread and no queue: a second submission while one is
			// graded meets a busy server (the journey in tests/e2e/load.spec.ts).
			WEB_CONCURRENCY: '1',
			MAM_STEM_GRADE_THREADS: '1',
			MAM_STEM_GRADE_QUEUE: '0'
		}
	}
});
