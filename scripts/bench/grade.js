// npm run bench:grade — grading speed on the server and the JS weight of pages.
// 1. Grades every seeded reference solution several times (vitest runs the app's TS code), then times the
//    grading pool alone with one worker thread and with one per core, in alternating one-second windows
//    (pool_scale: the median of each pair's ratio; BENCH_POOL_PAIRS, 12).
// 2. Builds if needed, starts the server on a throwaway database, signs a pupil in with Chromium and
//    sums the gzip size of every JS file the browser loads: the exercise page, the pupil's home page,
//    the playground and a drawing's canvas.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { signInPupil4A } from './pupil.js';

const root = new URL('../..', import.meta.url).pathname;
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4499);
const results = join(tmpdir(), `mam-stem-bench-${process.pid}.json`);

const unit = spawnSync('npx', ['vitest', 'run', 'src/lib/server/exercises/grade.bench.spec.ts'], {
	cwd: root,
	stdio: ['ignore', 'ignore', 'inherit'],
	env: { ...process.env, BENCH_GRADE: results }
});
if (unit.status !== 0 || !existsSync(results)) {
	console.error('bench:grade: grading failed');
	process.exit(1);
}
const { rows, pool } = JSON.parse(readFileSync(results, 'utf8'));
rmSync(results, { force: true });
const all = rows.flatMap((r) => r.times).sort((a, b) => a - b);
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

console.log('\nexercise                                   kind    grade  median_ms  max_ms');
for (const r of rows) {
	const t = [...r.times].sort((a, b) => a - b);
	console.log(
		`${r.title.padEnd(42)} ${r.kind.padEnd(7)} ${String(r.grade).padStart(5)}  ${pct(t, 50).toFixed(1).padStart(9)}  ${t[t.length - 1].toFixed(1).padStart(6)}`
	);
}

if (!existsSync(join(root, 'build', 'handler.js')) || process.argv.includes('--build')) {
	const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (b.status !== 0) process.exit(1);
}
const database = join(tmpdir(), `mam-stem-bench-${process.pid}.db`);
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
const base = `http://127.0.0.1:${port}`;
let blocklyKb;
let otherKb;
let playKb;
let canvasKb;
try {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(base + '/healthz')).ok) break;
		} catch {
			// not up yet
		}
		if (i > 240) throw new Error('the server did not start');
		await new Promise((r) => setTimeout(r, 500));
	}
	const { chromium } = await import('@playwright/test');
	const browser = await chromium.launch({
		executablePath:
			process.env.CHROMIUM_PATH ||
			(existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
		args: ['--headless', '--no-sandbox', '--disable-gpu']
	});
	const page = await browser.newPage({ baseURL: base, locale: 'vi-VN' });
	// A pupil of TH Chi Lăng 4A, with the secret printed on their login card.
	await signInPupil4A(page);

	async function measure(path, ready) {
		const sizes = new Map();
		const listener = async (response) => {
			const url = response.url();
			if (!/\.m?js(\?|$)/.test(url)) return;
			try {
				sizes.set(url, gzipSync(await response.body()).length);
			} catch {
				// a redirect or an aborted load
			}
		};
		page.on('response', listener);
		await page.goto('about:blank');
		await page.goto(path, { waitUntil: 'networkidle' });
		if (ready) await page.locator(ready).waitFor();
		await page.waitForLoadState('networkidle');
		page.off('response', listener);
		return Math.round([...sizes.values()].reduce((a, b) => a + b, 0) / 1024);
	}
	await page.route('**/*', (route) =>
		route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } })
	);
	otherKb = await measure('/learn');
	await page.goto('/learn/exercises');
	const href = await page.getByRole('link', { name: 'Lối mòn thẳng tắp' }).getAttribute('href');
	blocklyKb = await measure(href, '.injectionDiv');
	// The playground: its list (no Blockly) and a drawing's canvas (Blockly).
	playKb = await measure('/learn/play');
	await page.getByTestId('new-drawing').click();
	await page.waitForURL(/\/learn\/play\/\d+$/);
	canvasKb = await measure(page.url(), '.injectionDiv');
	await browser.close();
} finally {
	server.kill();
	for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
	rmSync(database + '-uploads', { recursive: true, force: true });
}

console.log(
	`\ngraded ${all.length} runs of ${rows.length} reference solutions; p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms`
);
console.log(
	`the grading pool alone (no HTTP), ${pool.ratios.length} one-second windows of each, alternated: ${pool.one.toFixed(0)} grades/s with one worker thread, ${pool.all.toFixed(0)}/s with ${pool.cores} (one per core), median of the paired ratios ${pool.scale.toFixed(2)}× (pairs ${Math.min(...pool.ratios).toFixed(2)}–${Math.max(...pool.ratios).toFixed(2)})`
);
console.log(
	`JS (gzip) loaded by the exercise page: ${blocklyKb} KB (budget 300); by the pupil's home page: ${otherKb} KB (budget 100)`
);
console.log(
	`JS (gzip) loaded by the playground: ${playKb} KB (budget 100); by a drawing's canvas: ${canvasKb} KB (budget 300)`
);
console.log(
	`grade_p95_ms=${Math.round(pct(all, 95))} pool_scale=${pool.scale.toFixed(2)} blockly_page_js_gzip_kb=${blocklyKb} other_page_js_gzip_kb=${otherKb}`
);
