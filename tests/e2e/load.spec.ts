import { expect, test, type APIRequestContext } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

// The test server grades with one thread and no queue (playwright.config.ts), so while another
// submission is being graded, a pupil's submission meets a busy server: 503 with Retry-After.
const FOREVER = JSON.stringify({
	blocks: {
		languageVersion: 0,
		blocks: [
			{
				type: 'controls_whileUntil',
				fields: { MODE: 'WHILE' },
				inputs: { BOOL: { block: { type: 'logic_boolean', fields: { BOOL: 'TRUE' } } } }
			}
		]
	}
});

/**
 * Keeps the grading thread busy with while (true) programs, one after another, until stopped. One is
 * over in ~10 ms, so a dozen are sent at once: the thread is free only for moments.
 */
function occupy(request: APIRequestContext, url: string) {
	let stopped = false;
	const loop = async () => {
		while (!stopped) await request.post(url, { data: { workspace: FOREVER, timeSpentMs: 0 } });
	};
	const loops = Promise.all(Array.from({ length: 12 }, loop));
	return async () => {
		stopped = true;
		await loops;
	};
}

/**
 * One statement on the journeys' database: PostgreSQL when E2E_DATABASE_URL names one (npm run
 * test:postgres), else the SQLite file. Parameters are written $1, $2… in order.
 */
async function onTestDatabase<T>(text: string, params: unknown[] = []): Promise<T[]> {
	if (process.env.E2E_DATABASE_URL) {
		const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
		await client.connect();
		try {
			return (await client.query(text, params)).rows as T[];
		} finally {
			await client.end();
		}
	}
	const db = new Database(process.env.E2E_DATABASE ?? join(tmpdir(), 'mam-stem-e2e.db'));
	try {
		const statement = db.prepare(text.replace(/\$\d+/g, '?'));
		return statement.reader ? (statement.all(...params) as T[]) : (statement.run(...params), []);
	} finally {
		db.close();
	}
}

test('a submission that meets a busy server says so, waits, and is graded after the retry', async ({
	page,
	baseURL
}) => {
	test.setTimeout(180_000);
	// A pupil of 4A already signed in (the sign-in journeys are elsewhere): a session in the test's database.
	const [pupil] = await onTestDatabase<{ id: number }>(
		`SELECT u.id FROM users u JOIN enrolments e ON e.pupil_id = u.id AND e.ended_on IS NULL
		 JOIN classes c ON c.id = e.class_id WHERE c.name = '4A' ORDER BY u.id DESC LIMIT 1`
	);
	const token = randomBytes(20).toString('hex');
	const id = createHash('sha256').update(token).digest('hex');
	await onTestDatabase('INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)', [
		id,
		Number(pupil.id),
		Date.now() + 86_400_000
	]);
	await page.context().addCookies([{ name: 'session', value: token, url: baseURL! }]);
	await page.goto('/learn/exercises');
	await page.getByRole('link', { name: 'Lối mòn thẳng tắp' }).click();
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.getByTestId('run')).toBeEnabled();
	const submitUrl = new URL(page.url()).pathname + '/submit';

	// Another submission takes the only grading thread; the server now refuses more, with Retry-After.
	const stop = occupy(page.request, submitUrl);
	await expect
		.poll(async () => {
			const res = await page.request.post(submitUrl, { data: { workspace: FOREVER } });
			return [res.status(), res.headers()['retry-after'] !== undefined];
		})
		.toEqual([503, true]);

	// The pupil runs an empty program: the page says the server is busy and keeps the submission. (If
	// it found the thread free for a moment, it was graded at once: run again, as a pupil would.)
	const verdict = page.getByTestId('verdict');
	const busy = 'Máy chủ đang bận, bài sẽ được chấm sau ít giây';
	let metBusy = false;
	for (let tries = 0; tries < 10 && !metBusy; tries++) {
		await page.getByTestId('run').click();
		// The page waits the Retry-After (≥ 1 s) before sending again: the message stays that long.
		metBusy = await expect(verdict)
			.toHaveText(busy, { timeout: 4_000 })
			.then(() => true)
			.catch(() => false);
	}
	expect(metBusy).toBe(true);
	await stop();

	// It tries again by itself after the wait the server asked for, and is graded.
	// (An empty program does not reach the goal: graded, with no star.)
	await expect(page.getByTestId('stars')).toContainText('0 sao', { timeout: 30_000 });
	await expect(page.getByTestId('verdict')).not.toContainText('Máy chủ');
});
