// npm run bench:load — a province's computer-lab hour on one server.
// Seeds the demo into a throwaway database (the built app, all cores), copies it for a bare
// node:http + better-sqlite3 server doing the autosave's work (bare-server.js), then with autocannon:
// (a) autosaves from many pupils at 64 connections, on the app and on the bare server;
// (b) the same autosaves on the app plus 40 submissions per second of seeded reference solutions.
// The app's processes sample their event-loop delay and memory each second (MAM_STEM_METRICS_FILE).
// Ends with one line of figures.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const root = new URL('../..', import.meta.url).pathname;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PUPILS = Number(process.env.BENCH_PUPILS ?? 400);
const LAB_PUPILS = Number(process.env.BENCH_LAB_PUPILS ?? 2000);
const appPort = Number(process.env.BENCH_PORT ?? 4398);
const barePort = appPort + 1;
const dir = join(tmpdir(), `mam-stem-load-${process.pid}`);
const appDb = join(dir, 'app.db');
const bareDb = join(dir, 'bare.db');
const oneDb = join(dir, 'one.db');
const metrics = join(dir, 'metrics.jsonl');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startApp(port = appPort, database = appDb, env = {}) {
	// BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", reaches every process and thread.
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
	return spawn('node', [...nodeArgs, 'scripts/serve.js'], {
		cwd: root,
		detached: true,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: database,
			UPLOADS_PATH: database + '-uploads',
			QUIET_START: '1',
			MAM_STEM_METRICS_FILE: metrics,
			...env
		}
	});
}

async function ready(port, path = '/healthz') {
	for (let i = 0; i < 1200; i++) {
		try {
			const res = await fetch(`http://127.0.0.1:${port}${path}`);
			if (res.status < 500) return;
		} catch {
			// not yet
		}
		await sleep(250);
	}
	throw new Error(`nothing answers on port ${port}`);
}

/** Sessions for PUPILS pupils, a shared exercise to save into, and reference solutions to submit. */
function setUp() {
	const db = new Database(appDb);
	const pupils = db
		.prepare(
			`SELECT u.id FROM users u JOIN enrolments e ON e.pupil_id = u.id AND e.ended_on IS NULL
			 WHERE u.role = 'student' AND u.disabled_at IS NULL ORDER BY u.id LIMIT ?`
		)
		.all(PUPILS);
	const exercises = db
		.prepare(
			`SELECT id, json_extract(spec, '$.reference') AS reference FROM exercises
			 WHERE status = 'published' AND school_id IS NULL AND json_extract(spec, '$.reference') IS NOT NULL`
		)
		.all();
	const insert = db.prepare('INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)');
	const tokens = pupils.map((p) => {
		const token = randomBytes(20).toString('hex');
		insert.run(createHash('sha256').update(token).digest('hex'), p.id, Date.now() + 20 * 86400000);
		return token;
	});
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.exec(`VACUUM INTO '${bareDb}'`);
	db.exec(`VACUUM INTO '${oneDb}'`);
	db.close();
	return { tokens, exercises };
}

const WORKSPACE = JSON.stringify({
	blocks: {
		languageVersion: 0,
		blocks: [{ type: 'controls_repeat_ext', inputs: {}, x: 10, y: 10 }]
	}
});

/** Keeps every answer's time, for a true p95 (autocannon's summary stops at p90 and p97.5). */
function timed(run) {
	const times = [];
	const refusals = {};
	run.on('response', (_client, status, _bytes, ms) => {
		times.push(ms);
		if (status >= 300) refusals[status] = (refusals[status] ?? 0) + 1;
	});
	return run.then((result) => ({ ...result, times, refusals }));
}

/** The 95th percentile of the answers' times, in ms. */
function p95(result) {
	const sorted = [...result.times].sort((a, b) => a - b);
	return sorted.length ? Math.round(sorted[Math.ceil(sorted.length * 0.95) - 1]) : NaN;
}

function autosaves(
	port,
	tokens,
	exerciseId,
	duration = SECONDS,
	rate = undefined,
	connections = 64
) {
	let n = 0;
	return timed(
		autocannon({
			url: `http://127.0.0.1:${port}`,
			connections,
			overallRate: rate,
			duration,
			requests: [
				{
					method: 'POST',
					setupRequest: (req) => {
						const i = n++;
						return {
							...req,
							path: `/learn/exercises/${exerciseId}/save`,
							headers: {
								'content-type': 'application/json',
								cookie: `session=${tokens[i % tokens.length]}`
							},
							body: JSON.stringify({
								version: Date.now() * 1000 + (i % 1000),
								workspace: WORKSPACE
							})
						};
					}
				}
			]
		})
	);
}

function submissions(
	tokens,
	exercises,
	duration = SECONDS,
	rate = 40,
	port = appPort,
	connections = 32
) {
	let n = 0;
	return timed(
		autocannon({
			url: `http://127.0.0.1:${port}`,
			connections,
			overallRate: rate ?? undefined,
			duration,
			requests: [
				{
					method: 'POST',
					setupRequest: (req) => {
						const i = n++;
						const ex = exercises[i % exercises.length];
						return {
							...req,
							path: `/learn/exercises/${ex.id}/submit`,
							headers: {
								'content-type': 'application/json',
								cookie: `session=${tokens[(i * 7) % tokens.length]}`
							},
							body: JSON.stringify({ workspace: ex.reference, timeSpentMs: 60000 })
						};
					}
				}
			]
		})
	);
}

/** Pupils opening exercise pages (the page itself, then its data as a tap would). */
function pageLoads(tokens, exercises, duration, rate, connections = 32) {
	let n = 0;
	return timed(
		autocannon({
			url: `http://127.0.0.1:${appPort}`,
			connections,
			overallRate: rate,
			duration,
			requests: [
				{
					method: 'GET',
					setupRequest: (req) => {
						const i = n++;
						const ex = exercises[i % exercises.length];
						return {
							...req,
							path: `/learn/exercises/${ex.id}${i % 2 ? '/__data.json' : ''}`,
							headers: { cookie: `session=${tokens[(i * 11) % tokens.length]}` }
						};
					}
				}
			]
		})
	);
}

/**
 * A lab hour: LAB_PUPILS pupils each autosaving every 5 s, submitting once a minute and opening a
 * page every 30 s, at once (open loop: the rates hold whatever the answers' speed).
 */
async function labHour(tokens, exercises, exerciseId, inStep = false) {
	const parts = inStep ? 1 : SPREAD;
	const [saves, submits, pages] = await Promise.all([
		spread(parts, (k) =>
			autosaves(
				appPort,
				tokens,
				exerciseId,
				SECONDS,
				share(Math.round(LAB_PUPILS / 5), k, parts),
				share(64, k, parts)
			)
		),
		spread(parts, (k) =>
			submissions(
				tokens,
				exercises,
				SECONDS,
				share(Math.round(LAB_PUPILS / 60), k, parts),
				appPort,
				share(32, k, parts)
			)
		),
		spread(parts, (k) =>
			pageLoads(
				tokens,
				exercises,
				SECONDS,
				share(Math.round(LAB_PUPILS / 30), k, parts),
				share(32, k, parts)
			)
		)
	]);
	return { saves, submits, pages };
}

/**
 * Pupils are not in step. autocannon's rate limit lets each connection send its share of a second at
 * the second's start, then wait: one autocannon makes every pupil of the lab press at the same instant,
 * each second (the "in step" row). The lab hour runs `parts` of them, started 1/parts of a second
 * apart, so each second's requests come in `parts` smaller waves instead.
 */
const SPREAD = 10;
const share = (n, k, parts) => Math.max(1, Math.floor(n / parts) + (k < n % parts ? 1 : 0));
async function spread(parts, start) {
	const runs = [];
	for (let k = 0; k < parts; k++) {
		runs.push(start(k));
		if (k < parts - 1) await sleep(1000 / parts);
	}
	const results = await Promise.all(runs);
	if (results.length === 1) return results[0];
	const sum = (f) => results.reduce((a, r) => a + (f(r) ?? 0), 0);
	const times = results.flatMap((r) => r.times);
	const sorted = [...times].sort((a, b) => a - b);
	return {
		requests: { total: sum((r) => r.requests.total) },
		duration: Math.max(...results.map((r) => r.duration)),
		errors: sum((r) => r.errors),
		timeouts: sum((r) => r.timeouts),
		non2xx: sum((r) => r.non2xx),
		'2xx': sum((r) => r['2xx']),
		latency: { p99: sorted.length ? Math.round(sorted[Math.ceil(sorted.length * 0.99) - 1]) : NaN },
		times
	};
}

function samples(from, to) {
	if (!existsSync(metrics)) return [];
	return readFileSync(metrics, 'utf8')
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l))
		.filter((s) => s.at >= from && s.at <= to);
}

/**
 * The event-loop delay's p99 over a phase, per process, the worst process: each second's distribution
 * (serve.js: the histogram's percentile → ms steps, each step's share of the second's samples counted
 * at the step's upper value, so never under) merged over the phase. The worst single second's p99 is
 * printed beside it.
 */
function loopP99Over(lines) {
	const byPid = new Map();
	for (const s of lines) byPid.set(s.pid, [...(byPid.get(s.pid) ?? []), s]);
	let worst = 0;
	for (const seconds of byPid.values()) {
		const weighted = [];
		for (const s of seconds) {
			let before = 0;
			for (const [p, ms] of s.loopCdf ?? []) {
				if (p > before) weighted.push([ms, ((p - before) / 100) * s.loopCount]);
				before = p;
			}
		}
		weighted.sort((a, b) => a[0] - b[0]);
		const total = weighted.reduce((n, [, w]) => n + w, 0);
		let seen = 0;
		for (const [ms, w] of weighted) {
			seen += w;
			if (seen >= 0.99 * total) {
				worst = Math.max(worst, ms);
				break;
			}
		}
	}
	return worst;
}

/** CPU time (user + system, ms) used so far by a process group's processes: the server's primary and its children. */
function cpuMsOf(rootPid) {
	const tick = 10; // ms per clock tick (USER_HZ 100)
	let total = 0;
	for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) !== rootPid) continue; // process group
			total += (Number(fields[11]) + Number(fields[12])) * tick;
		} catch {
			// gone
		}
	}
	return total;
}

const errorsOf = (r) => r.errors + r.timeouts + (r.non2xx ?? 0);

/**
 * BENCH_ONLY=cost: each kind of request alone at its lab-hour rate, and the server's CPU per request
 * (BENCH_KINDS=submission,page: only those).
 */
async function costs(tokens, exercises, exerciseId) {
	const kinds = {
		autosave: () => autosaves(appPort, tokens, exerciseId, 10, LAB_PUPILS / 5),
		submission: () => submissions(tokens, exercises, 10, LAB_PUPILS / 60),
		page: () => pageLoads(tokens, exercises, 10, LAB_PUPILS / 30)
	};
	// The pupils open their exercises first (which starts the grading threads, as in a lab).
	await pageLoads(tokens, exercises, 3, 20);
	await sleep(2000);
	const only = process.env.BENCH_KINDS?.split(',');
	for (const [kind, run] of Object.entries(kinds)) {
		if (only && !only.includes(kind)) continue;
		const before = cpuMsOf(app.pid);
		const r = await run();
		const ms = cpuMsOf(app.pid) - before;
		console.log(
			`${kind}: ${r.requests.total} in 10 s, server CPU ${Math.round(ms)} ms = ${(ms / r.requests.total).toFixed(2)} ms each, p95=${p95(r)} errors=${errorsOf(r)}`
		);
		await sleep(2000);
	}
}

/** BENCH_ONLY=lab: the lab hour alone, spread then in step. */
async function labOnly(tokens, exercises, exerciseId) {
	// The pupils open their exercises before the first submission (which starts the grading threads).
	await pageLoads(tokens, exercises, 3, 20);
	await sleep(2000);
	for (const inStep of [false, true]) {
		const lab = await labHour(tokens, exercises, exerciseId, inStep);
		const name = inStep ? 'lab in step' : 'lab';
		for (const [k, r] of Object.entries(lab))
			console.log(
				`${name} ${k}: ${Math.round(r.requests.total / r.duration)}/s p95=${p95(r)} p99=${r.latency.p99} errors=${errorsOf(r)}`
			);
		console.log(
			`${inStep ? 'lab_in_step' : 'lab'}_p95_ms=${Math.max(...Object.values(lab).map(p95))} errors=${Object.values(lab).reduce((n, r) => n + errorsOf(r), 0)}`
		);
		await sleep(3000);
	}
}

/**
 * BENCH_ONLY=mixed: the pupils open their exercises and autosave for 5 s, then (b) alone (autosaves at
 * 64 connections and 40 submissions per second) and its event-loop delay, per second and over the
 * phase: a quicker run, e.g. to profile the request threads with BENCH_NODE_ARGS.
 */
async function mixedOnly(tokens, exercises, exerciseId) {
	await pageLoads(tokens, exercises, 3, 20);
	await autosaves(appPort, tokens, exerciseId, 5); // as (a) before (b) in the whole run
	const t1 = Date.now();
	const [mixed, grades] = await Promise.all([
		autosaves(appPort, tokens, exerciseId),
		submissions(tokens, exercises)
	]);
	const under = samples(t1, Date.now());
	console.log(
		`per second (pid:p99 ms): ${under.map((s) => `${s.pid}:${s.loopP99Ms.toFixed(0)}`).join(' ')}`
	);
	console.log(
		`autosave_per_s=${Math.round(mixed.requests.total / mixed.duration)} autosave_p95_ms=${p95(mixed)}` +
			` grades_per_s=${(grades['2xx'] / grades.duration).toFixed(1)} submission_p95_ms=${p95(grades)}` +
			` errors=${errorsOf(mixed) + errorsOf(grades)} loop_delay_p99_ms=${loopP99Over(under).toFixed(1)}`
	);
}

/** The whole run: the bare server, (a), (b) and the lab hour, ending with one line of figures. */
async function everything(tokens, exercises, exerciseId, rssIdle) {
	bare = spawn('node', [join(root, 'scripts/bench/bare-server.js')], {
		stdio: 'inherit',
		env: { ...process.env, DATABASE_PATH: bareDb, PORT: String(barePort) }
	});
	await ready(barePort, '/');
	const bareRun = await autosaves(barePort, tokens, exerciseId);
	bare.kill('SIGTERM');

	// As in a lab, the pupils open their exercises before they submit: that starts each process's
	// grading thread (which loads Blockly, 1–3 s of a core), so (b) measures grading, not start-up.
	await pageLoads(tokens, exercises, 3, 20);
	await sleep(2000);
	const t0 = Date.now();
	const appRun = await autosaves(appPort, tokens, exerciseId);
	const t1 = Date.now();
	const [mixed, grades] = await Promise.all([
		autosaves(appPort, tokens, exerciseId),
		submissions(tokens, exercises)
	]);
	const t2 = Date.now();
	await sleep(3000); // the queues drain
	const lab = await labHour(tokens, exercises, exerciseId);
	await sleep(3000);
	const inStep = await labHour(tokens, exercises, exerciseId, true);
	const capacity = await gradingCapacity(tokens, exercises);
	const loaded = samples(t0, t2);
	const underGrades = samples(t1, t2);
	const rssPeak = Math.max(...loaded.map((s) => s.rssMb));
	const loopP99 = loopP99Over(underGrades);
	const loopWorstSecond = Math.max(...underGrades.map((s) => s.loopP99Ms));
	const perS = (r) => Math.round(r.requests.total / r.duration);

	console.log('\n                         req/s    p95 ms   p99 ms   errors');
	const row = (label, r) =>
		console.log(
			`${label.padEnd(24)} ${String(perS(r)).padStart(6)} ${String(p95(r)).padStart(8)} ${String(r.latency.p99).padStart(8)} ${String(errorsOf(r)).padStart(8)}` +
				Object.entries(r.refusals ?? {})
					.map(([status, n]) => `  ${n}× ${status}`)
					.join('')
		);
	row('bare autosave', bareRun);
	row('app autosave (a)', appRun);
	row('app autosave (b)', mixed);
	row('app submissions (b)', grades);
	row(`lab: autosaves`, lab.saves);
	row(`lab: submissions`, lab.submits);
	row(`lab: pages`, lab.pages);
	row(`lab in step: autosaves`, inStep.saves);
	row(`lab in step: submissions`, inStep.submits);
	row(`lab in step: pages`, inStep.pages);
	row('grading, all cores', capacity.all);
	row('grading, one thread', capacity.one);
	console.log(
		`server CPU while grading over HTTP: the app as run ${capacity.all.cores.toFixed(2)} cores, one process with one grading thread ${capacity.one.cores.toFixed(2)} cores` +
			` (its request thread answers beside the grading thread; the load generator shares the same cores)`
	);
	console.log(
		`event-loop delay under (b): p99 ${loopP99.toFixed(1)} ms over the phase, ${loopWorstSecond.toFixed(1)} ms in its worst second`
	);
	console.log(
		`(p95 from every answer's time; lab: ${LAB_PUPILS} pupils, an autosave each 5 s, a submission each minute, a page each 30 s,` +
			` each second's requests in ${SPREAD} waves; in step: all at the second's start)`
	);
	console.log(
		`autosave_per_s=${perS(appRun)} bare_per_s=${perS(bareRun)} ratio=${(perS(appRun) / perS(bareRun)).toFixed(2)}` +
			` autosave_p95_ms=${p95(appRun)} errors=${errorsOf(appRun) + errorsOf(mixed)}` +
			` loop_delay_p99_ms=${loopP99.toFixed(1)} loop_delay_worst_second_p99_ms=${loopWorstSecond.toFixed(1)}` +
			` grades_per_s=${(grades['2xx'] / grades.duration).toFixed(1)}` +
			` rss_idle_mb=${Math.round(rssIdle)} rss_peak_mb=${Math.round(rssPeak)}` +
			` lab_pupils=${LAB_PUPILS} lab_p95_ms=${Math.max(...Object.values(lab).map(p95))}` +
			` lab_errors=${Object.values(lab).reduce((n, r) => n + errorsOf(r), 0)}` +
			` lab_in_step_p95_ms=${Math.max(...Object.values(inStep).map(p95))}` +
			` grading_scale=${(capacity.all['2xx'] / capacity.one['2xx']).toFixed(2)}` +
			` grading_one_cores=${capacity.one.cores.toFixed(2)}`
	);
}

/**
 * How many submissions the server grades when pupils submit as fast as they can: the app as run (all
 * cores), then the same database served by one process with one grading thread; and the server's CPU
 * meanwhile, in cores (the one process's request thread works beside its grading thread).
 */
async function gradingCapacity(tokens, exercises) {
	const allCpu = cpuMsOf(app.pid);
	const all = await submissions(tokens, exercises, 10, null);
	all.cores = (cpuMsOf(app.pid) - allCpu) / (all.duration * 1000);
	const onePort = appPort + 2;
	const one = startApp(onePort, oneDb, {
		WEB_CONCURRENCY: '1',
		MAM_STEM_GRADE_THREADS: '1',
		MAM_STEM_METRICS_FILE: ''
	});
	try {
		await ready(onePort);
		await submissions(tokens, exercises, 3, null, onePort); // its thread loads Blockly
		await sleep(2000); // what the warm-up left queued is graded before the count starts
		const oneCpu = cpuMsOf(one.pid);
		const oneRun = await submissions(tokens, exercises, 10, null, onePort);
		oneRun.cores = (cpuMsOf(one.pid) - oneCpu) / (oneRun.duration * 1000);
		return { all, one: oneRun };
	} finally {
		process.kill(-one.pid, 'SIGTERM');
	}
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
if (!existsSync(join(root, 'build', 'handler.js'))) {
	console.error('bench:load: build the app first (npm run build)');
	process.exit(1);
}
const app = startApp();
let bare;
try {
	await ready(appPort);
	const { tokens, exercises } = setUp();
	const exerciseId = exercises[0].id;
	await sleep(5000); // idle
	const idle = samples(Date.now() - 4000, Date.now());
	const rssIdle = Math.max(...idle.map((s) => s.rssMb));

	if (process.env.BENCH_ONLY === 'cost') await costs(tokens, exercises, exerciseId);
	else if (process.env.BENCH_ONLY === 'lab') await labOnly(tokens, exercises, exerciseId);
	else if (process.env.BENCH_ONLY === 'mixed') await mixedOnly(tokens, exercises, exerciseId);
	else await everything(tokens, exercises, exerciseId, rssIdle);
} finally {
	bare?.kill('SIGTERM');
	try {
		process.kill(-app.pid, 'SIGTERM');
	} catch {
		// already stopped
	}
	await sleep(1000);
	rmSync(dir, { recursive: true, force: true });
}
