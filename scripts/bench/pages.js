// npm run bench:pages — the pupil's, the teacher's and the login page on a thin link: Chromium with the network throttled to
// 400 kbit/s each way and 400 ms round trip (CDP Network.emulateNetworkConditions), per page a cold load
// (a fresh browser profile: empty cache) and a repeat (the same profile, its HTTP cache warm).
// The service worker is blocked: its own fetches are not throttled, so it would flatter the figures.
// Builds if needed, starts the server on a throwaway database, signs a pupil of TH Chi Lăng 4A in
// (and their teacher, for the teacher's pages; the login page is measured signed out).
// --files lists each JS file a page loads, with its gzip size; --waterfall each request of a load;
// --only=<regexp> measures the exercise and the matching pages only. Also checks that hashed assets are cached for a year and text is compressed. Ends with one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
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
// --only=<regexp>: the exercise and the pages whose path matches (a quicker run while working).
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new RegExp(onlyArg.slice('--only='.length)) : null;
// To a hundredth: the blocks sit at their budget to a tenth (6.0 s against 6 s).
const seconds = (ms) => Math.round(ms / 10) / 100;

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

/**
 * A pupil of 4A signs in with the pictures on their login card; returns the signed-in states (the
 * pupil's and their teacher's), an exercise and the class's page.
 */
async function signedIn(browser) {
	const context = await browser.newContext({ baseURL: base, locale: 'vi-VN' });
	const page = await context.newPage();
	const { teacher, classPage } = await signInPupil4A(page);
	await page.goto('/learn/exercises');
	const exercise = await page.getByRole('link', { name: 'Lối mòn thẳng tắp' }).getAttribute('href');
	const state = await context.storageState();
	await context.close();
	return { state, teacher, exercise, classPage };
}

const TIMEOUT = Number(process.env.BENCH_TIMEOUT_MS ?? 180_000);

/**
 * Runs in every document the page opens, from its first script on: on each animation frame, notes
 * the first time each selector of `moments` names something in place (with a size), by the page's own
 * clock (the same wall clock as this process's, within a millisecond), and the end of the load event.
 * Read afterwards with readMoments. Playwright's own waits look again after 20, 50, 100 ms and then
 * every 500 ms, and waits made one after another time what had already happened when each began:
 * a toolbox the page drew at 5.64 s had been seen at 5.87–6.01 s.
 */
function watchMoments(moments) {
	const seen = {};
	Object.defineProperty(window, '__benchMoments', { value: seen });
	const look = () => {
		for (const [name, selector] of Object.entries(moments)) {
			if (name in seen) continue;
			const box = document.querySelector(selector)?.getBoundingClientRect();
			if (box && box.width > 0 && box.height > 0)
				seen[name] = performance.timeOrigin + performance.now();
		}
		const load = performance.getEntriesByType('navigation')[0]?.loadEventEnd;
		if (load) seen.load = performance.timeOrigin + load;
		if (Object.keys(seen).length <= Object.keys(moments).length) requestAnimationFrame(look);
	};
	requestAnimationFrame(look);
}

/** Waits until every moment and the load event were seen; each in ms after `start`. */
async function readMoments(page, start, count) {
	const seen = await page.waitForFunction(
		(count) => {
			const seen = window.__benchMoments;
			return seen && Object.keys(seen).length > count && seen;
		},
		count,
		{ timeout: TIMEOUT }
	);
	const at = await seen.jsonValue();
	return Object.fromEntries(Object.entries(at).map(([name, t]) => [name, t - start]));
}

/**
 * One page, cold then repeat, on the thin link. `usable`: the moment the page is of use (the
 * exercise: the task shown; other pages: hydrated, so its controls work — the root layout marks
 * <html data-hydrated>); `ready`: its scripts are done (the exercise: Blockly's workspace injected
 * and Run enabled, so blocks can be dragged; other pages: hydrated and the load event).
 */
async function measure(browser, state, path, isExercise) {
	const context = await browser.newContext({
		baseURL: base,
		locale: 'vi-VN',
		storageState: state,
		serviceWorkers: 'block'
	});
	// The exercise: the task shown; the toolbox drawn, so blocks can be dragged; Run enabled (with
	// the workspace: a Run pressed before Blockly's generator and js-interpreter arrive waits for them).
	// Other pages: the heading, once the root layout marked <html data-hydrated> (its controls work).
	const moments = isExercise
		? {
				usable: '[data-testid="task"]',
				drag: '.injectionDiv .blocklyToolbox, .injectionDiv .blocklyFlyout',
				ready: '[data-testid="run"]:not([disabled])'
			}
		: { usable: 'html[data-hydrated] main h1' };
	await context.addInitScript(watchMoments, moments);
	const page = await context.newPage();
	page.on('pageerror', (e) => console.error(`${path}: ${e.message}`));
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', THIN);
	// The scripts' sizes are read once the cold load is measured and the page has fetched all it asks
	// for: reading and compressing each body as it arrived took the same two cores as the page
	// (Blockly's 700 KB just as its workspace was drawn).
	const responses = [];
	const trace = process.argv.includes('--waterfall') ? waterfall(cdp) : null;
	page.on('response', (response) => {
		if (/\.m?js(\?|$)/.test(response.url())) responses.push(response);
	});
	const once = async () => {
		await page.goto('about:blank');
		const start = Date.now();
		await page.goto(path, { waitUntil: 'commit', timeout: TIMEOUT });
		const at = await readMoments(page, start, Object.keys(moments).length);
		if (isExercise) return { usable: at.usable, drag: at.drag, ready: at.ready };
		return { usable: at.usable, ready: Math.max(at.usable, at.load) };
	};
	const cold = await once();
	// What the page fetches once usable counts too (Blockly's generator and keyboard navigation).
	await page.waitForLoadState('networkidle').catch(() => {});
	if (trace) trace.print(`${path} cold`);
	const js = new Map();
	for (const response of responses.splice(0)) {
		try {
			js.set(response.url(), gzipSync(await response.body()).length);
		} catch {
			// a redirect or an aborted load
		}
	}
	if (process.argv.includes('--files'))
		for (const [url, size] of js) console.log(`${path} ${Math.round(size / 1024)} KB ${url}`);
	const jsKb = Math.round([...js.values()].reduce((a, b) => a + b, 0) / 1024);
	const repeat = await once();
	if (trace) trace.print(`${path} repeat`);
	await context.close();
	return { path, cold, repeat, jsKb };
}

/**
 * --waterfall: each request of a load as the browser saw it on the thin link: when it was sent, its
 * first byte and its end (seconds from the navigation), its bytes on the wire, its connection (a new
 * one costs a round trip or more) and whether it came from the cache.
 */
function waterfall(cdp) {
	let rows = new Map();
	let t0 = null;
	cdp.on('Network.requestWillBeSent', (e) => {
		if (e.request.url.startsWith('about:') || e.request.url.startsWith('data:')) return;
		t0 ??= e.timestamp;
		rows.set(e.requestId, { url: e.request.url, sent: e.timestamp, type: e.type });
	});
	cdp.on('Network.responseReceived', (e) => {
		const r = rows.get(e.requestId);
		if (!r) return;
		r.status = e.response.status;
		r.first = e.timestamp;
		r.connection = e.response.connectionId;
		r.reused = e.response.connectionReused;
		r.cached = e.response.fromDiskCache || e.response.fromServiceWorker;
	});
	cdp.on('Network.loadingFinished', (e) => {
		const r = rows.get(e.requestId);
		if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
	});
	const s = (t) => (t == null || t0 == null ? '   -  ' : (t - t0).toFixed(2).padStart(6));
	return {
		print(label) {
			console.log(`\n${label}: sent  first    end      KB  conn`);
			for (const r of [...rows.values()].sort((a, b) => a.sent - b.sent))
				console.log(
					`${s(r.sent)} ${s(r.first)} ${s(r.end)} ${String(Math.round((r.bytes ?? 0) / 102.4) / 10).padStart(6)} ${String(r.connection ?? '').padStart(5)}${r.reused ? '' : '*'}${r.cached ? ' cache' : ''} ${r.status ?? '-'} ${r.url.replace(base, '')}`
				);
			rows = new Map();
			t0 = null;
		}
	};
}

/**
 * Each page rendered a few times before it is measured, as a server in use has (every process of the
 * cluster loads a route's code the first time it renders it: 0.2–0.7 s of the first answer). Each
 * request on a connection of its own: the cluster hands connections to its processes in turn, and one
 * kept-alive connection had warmed one process only (the exercise's first byte came 0.7 s late when
 * the browser's connection reached the other).
 */
async function warm(pages) {
	for (const [path, , as] of pages) {
		const cookie = as.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
		for (let i = 0; i < 4 * availableParallelism(); i++) await getOnNewConnection(path, cookie);
	}
}

function getOnNewConnection(path, cookie) {
	return new Promise((resolve, reject) => {
		const req = get(base + path, { agent: false, headers: { cookie } }, (res) => {
			res.resume();
			res.on('end', resolve);
			res.on('error', reject);
		});
		req.on('error', reject);
	});
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
	const { state, teacher, exercise, classPage } = await signedIn(browser);
	const signedOut = { cookies: [], origins: [] };
	rows = [];
	const pages = [
		[exercise, true, state],
		['/learn', false, state],
		['/learn/exercises', false, state],
		['/learn/progress', false, state],
		['/login', false, signedOut],
		['/teach', false, teacher],
		[classPage, false, teacher],
		['/teach/lessons', false, teacher],
		['/teach/exercises', false, teacher],
		['/teach/assignments', false, teacher],
		['/teach/progress', false, teacher]
	].filter(([path, isExercise]) => isExercise || !only || only.test(path));
	await warm(pages);
	for (const [path, isExercise, as] of pages) {
		rows.push(await measure(browser, as, path, isExercise));
	}
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
	'(exercise: usable = task shown, ready = workspace injected and Run enabled; others: usable = heading shown and hydrated, ready = that and the load event)'
);
console.log(
	`exercise, cold: task shown ${seconds(rows[0].cold.usable)} s, blocks can be dragged ${seconds(rows[0].cold.drag)} s, Run enabled ${seconds(rows[0].cold.ready)} s`
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
const worst = others.reduce((a, b) => (b.cold.ready > a.cold.ready ? b : a));
console.log(`slowest page without Blockly, cold: ${worst.path}`);
console.log(
	`exercise_cold_usable_s=${seconds(ex.cold.usable)} exercise_repeat_s=${seconds(ex.repeat.ready)} worst_other_cold_s=${seconds(worst.cold.ready)} exercise_js_gzip_kb=${ex.jsKb} exercise_cold_drag_s=${seconds(ex.cold.drag)} exercise_cold_run_s=${seconds(ex.cold.ready)} worst_other_js_gzip_kb=${Math.max(...others.map((o) => o.jsKb))}`
);
