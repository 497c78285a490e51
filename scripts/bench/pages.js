// npm run bench:pages — the pupil's pages on a thin link: Chromium with the network throttled to
// 400 kbit/s each way and 400 ms round trip (CDP Network.emulateNetworkConditions), per page a cold load
// (a fresh browser profile: empty cache) and a repeat (the same profile, its HTTP cache warm).
// The service worker is blocked: its own fetches are not throttled, so it would flatter the figures.
// Builds if needed, starts the server on a throwaway database, signs a pupil of TH Chi Lăng 4A in.
// --files lists each JS file a page loads, with its gzip size. Also checks that hashed assets are cached for a year and text is compressed. Ends with one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { signInPupil4A } from './pupil.js';

const root = new URL('../..', import.meta.url).pathname;
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4497);
const base = `http://127.0.0.1:${port}`;
const THIN = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
const seconds = (ms) => Math.round(ms / 100) / 10;

if (!existsSync(join(root, 'build', 'handler.js')) || process.argv.includes('--build')) {
	const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (b.status !== 0) process.exit(1);
}
const database = join(tmpdir(), `mam-stem-bench-pages-${process.pid}.db`);
const server = spawn('node', ['scripts/start.js', '--no-build'], {
	cwd: root,
	stdio: 'ignore',
	env: {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATABASE_PATH: database,
		UPLOADS_PATH: database + '-uploads',
		QUIET_START: '1'
	}
});

async function up() {
	for (let i = 0; i < 480; i++) {
		try {
			if ((await fetch(base + '/healthz')).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('the server did not start');
}

/** A pupil of 4A signs in with the pictures on their login card; returns the signed-in state. */
async function pupilState(browser) {
	const context = await browser.newContext({ baseURL: base, locale: 'vi-VN' });
	const page = await context.newPage();
	await signInPupil4A(page);
	await page.goto('/learn/exercises');
	const exercise = await page.getByRole('link', { name: 'Lối mòn thẳng tắp' }).getAttribute('href');
	const state = await context.storageState();
	await context.close();
	return { state, exercise };
}

/**
 * One page, cold then repeat, on the thin link. `usable`: the moment the page is of use (the task
 * shown, for the exercise); `ready`: its scripts are done (the exercise: Blockly's workspace injected
 * and Run enabled, so blocks can be dragged; other pages: the load event).
 */
async function measure(browser, state, path, isExercise) {
	const context = await browser.newContext({
		baseURL: base,
		locale: 'vi-VN',
		storageState: state,
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', THIN);
	const js = new Map();
	page.on('response', async (response) => {
		if (!/\.m?js(\?|$)/.test(response.url())) return;
		try {
			js.set(response.url(), gzipSync(await response.body()).length);
		} catch {
			// a redirect or an aborted load
		}
	});
	const once = async () => {
		await page.goto('about:blank');
		const start = Date.now();
		await page.goto(path, { waitUntil: 'commit', timeout: 180_000 });
		if (isExercise) {
			await page.getByTestId('task').waitFor({ state: 'visible', timeout: 180_000 });
			const usable = Date.now() - start;
			await page.locator('.injectionDiv').waitFor({ timeout: 180_000 });
			await page.waitForFunction(
				() => !document.querySelector('[data-testid="run"]')?.hasAttribute('disabled'),
				null,
				{ timeout: 180_000 }
			);
			return { usable, ready: Date.now() - start };
		}
		await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 180_000 });
		const usable = Date.now() - start;
		await page.waitForLoadState('load', { timeout: 180_000 });
		return { usable, ready: Date.now() - start };
	};
	const cold = await once();
	if (process.argv.includes('--files'))
		for (const [url, size] of js) console.log(`${path} ${Math.round(size / 1024)} KB ${url}`);
	const jsKb = Math.round([...js.values()].reduce((a, b) => a + b, 0) / 1024);
	const repeat = await once();
	await context.close();
	return { path, cold, repeat, jsKb };
}

/** Cache-Control of a hashed asset and the encodings of an asset and a page. */
async function headers(state) {
	const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	const page = await fetch(base + '/learn', { headers: { 'accept-encoding': 'br, gzip', cookie } });
	const html = await page.text();
	const asset = html.match(/\/_app\/immutable\/[^"']+\.js/)?.[0];
	const res = await fetch(base + asset, { headers: { 'accept-encoding': 'br, gzip' } });
	await res.arrayBuffer();
	return {
		asset,
		assetCache: res.headers.get('cache-control'),
		assetEncoding: res.headers.get('content-encoding'),
		pageEncoding: page.headers.get('content-encoding'),
		pageCache: page.headers.get('cache-control')
	};
}

let rows;
let checks;
try {
	await up();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: ARGS
	});
	const { state, exercise } = await pupilState(browser);
	rows = [];
	for (const [path, isExercise] of [
		[exercise, true],
		['/learn', false],
		['/learn/exercises', false],
		['/learn/progress', false]
	])
		rows.push(await measure(browser, state, path, isExercise));
	checks = await headers(state);
	await browser.close();
} finally {
	server.kill();
	for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
	rmSync(database + '-uploads', { recursive: true, force: true });
}

console.log('\nthrottled: 400 kbit/s down and up, 400 ms round trip; service worker blocked');
console.log(
	'page                      cold_usable_s  cold_ready_s  repeat_usable_s  repeat_ready_s  js_gzip_kb'
);
for (const r of rows)
	console.log(
		`${r.path.padEnd(25)} ${String(seconds(r.cold.usable)).padStart(13)} ${String(seconds(r.cold.ready)).padStart(13)} ${String(seconds(r.repeat.usable)).padStart(16)} ${String(seconds(r.repeat.ready)).padStart(15)} ${String(r.jsKb).padStart(11)}`
	);
console.log(
	'(exercise: usable = task shown, ready = workspace injected and Run enabled; others: main heading shown, load event)'
);
const immutable =
	/max-age=31536000/.test(checks.assetCache ?? '') && /immutable/.test(checks.assetCache ?? '');
console.log(
	`hashed asset ${checks.asset}: cache-control "${checks.assetCache}" (${immutable ? 'long-lived' : 'NOT long-lived'}), content-encoding ${checks.assetEncoding ?? 'none'}`
);
console.log(
	`page /learn: content-encoding ${checks.pageEncoding ?? 'none'}, cache-control "${checks.pageCache ?? ''}"`
);
const [ex, ...others] = rows;
console.log(
	`exercise_cold_usable_s=${seconds(ex.cold.usable)} exercise_repeat_s=${seconds(ex.repeat.ready)} worst_other_cold_s=${seconds(Math.max(...others.map((o) => o.cold.ready)))} exercise_js_gzip_kb=${ex.jsKb}`
);
