// npm run test:crash (and npm test): an acknowledged autosave survives a crash.
// Starts the built app (scripts/serve.js, all cores) on a throwaway database, sends autosaves from
// PUPILS pupils as fast as they go, SIGKILLs the whole server (primary and processes) in the middle,
// starts it again, and checks that every save it acknowledged is there and integrity_check is ok.
// Three rounds; then a clean stop (SIGTERM) must exit 0 with the WAL folded into the database.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const root = new URL('..', import.meta.url).pathname;
const PUPILS = Number(process.env.CRASH_PUPILS ?? 120);
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const LOAD_MS = Number(process.env.CRASH_LOAD_MS ?? 3000);
const port = Number(process.env.CRASH_PORT ?? 4399);
const dir = join(tmpdir(), `mam-stem-crash-${process.pid}`);
const database = join(dir, 'crash.db');
const base = `http://127.0.0.1:${port}`;

function fail(message) {
	console.error(`✗ crash test: ${message}`);
	process.exit(1);
}

function start() {
	const child = spawn('node', ['scripts/serve.js'], {
		cwd: root,
		detached: true, // its own process group, so one kill reaches the primary and its processes
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: database,
			UPLOADS_PATH: database + '-uploads',
			QUIET_START: '1'
		}
	});
	return child;
}

async function ready() {
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) return;
		} catch {
			// not yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	fail('the server did not start');
}

/** Sessions for PUPILS pupils (tokens known to the test) and a shared published exercise. */
function setUp() {
	const db = new Database(database);
	const pupils = db
		.prepare(
			`SELECT u.id FROM users u JOIN enrolments e ON e.pupil_id = u.id AND e.ended_on IS NULL
			 WHERE u.role = 'student' AND u.disabled_at IS NULL ORDER BY u.id LIMIT ?`
		)
		.all(PUPILS);
	const exercise = db
		.prepare(
			`SELECT id FROM exercises WHERE status = 'published' AND school_id IS NULL ORDER BY id LIMIT 1`
		)
		.get();
	if (pupils.length < PUPILS || !exercise) fail('the demo seed has too few pupils or exercises');
	const insert = db.prepare('INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)');
	const sessions = pupils.map((p) => {
		const token = randomBytes(20).toString('hex');
		insert.run(
			createHash('sha256').update(token).digest('hex'),
			p.id,
			Date.now() + 86_400_000 * 20
		);
		return { pupilId: p.id, token };
	});
	db.close();
	return { sessions, exerciseId: exercise.id };
}

const WORKSPACE = JSON.stringify({
	blocks: {
		languageVersion: 0,
		blocks: [{ type: 'controls_repeat_ext', inputs: {}, x: 10, y: 10 }]
	}
});

/** One pupil saving as fast as the server answers; records the versions it acknowledged. */
async function pupilLoop(s, exerciseId, acked, until) {
	while (Date.now() < until.at) {
		const version = ++s.version;
		try {
			const res = await fetch(`${base}/learn/exercises/${exerciseId}/save`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie: `session=${s.token}` },
				body: JSON.stringify({ version, workspace: WORKSPACE })
			});
			if (res.status !== 200) fail(`a save was answered ${res.status}: ${await res.text()}`);
			const body = await res.json();
			if (body.saved) acked.set(s.pupilId, Math.max(acked.get(s.pupilId) ?? 0, version));
			acks.count++;
		} catch {
			return; // the server was killed under this request: not acknowledged
		}
	}
}

function check(acked, exerciseId, round) {
	const db = new Database(database, { readonly: true });
	const integrity = db.pragma('integrity_check', { simple: true });
	if (integrity !== 'ok') fail(`round ${round}: integrity_check says ${integrity}`);
	const get = db.prepare(
		'SELECT version FROM exercise_work WHERE exercise_id = ? AND pupil_id = ?'
	);
	let lost = 0;
	for (const [pupilId, version] of acked) {
		const row = get.get(exerciseId, pupilId);
		if (!row || row.version < version) lost++;
	}
	db.close();
	if (lost) fail(`round ${round}: ${lost} acknowledged save(s) lost`);
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
if (!existsSync(join(root, 'build', 'handler.js'))) fail('build the app first (npm run build)');
// A database the demo seed already filled (closed cleanly) saves the seeding time; else the server seeds.
if (process.env.CRASH_SEEDED_DB) copyFileSync(process.env.CRASH_SEEDED_DB, database);
let server = start();
await ready();
const { sessions, exerciseId } = setUp();
const acked = new Map();
const acks = { count: 0 };
/** Load for LOAD_MS, and until every pupil had at least one save acknowledged in this round. */
async function loadUntilKill() {
	const started = Date.now();
	const before = acks.count;
	while (Date.now() - started < LOAD_MS || acks.count - before < PUPILS) {
		if (Date.now() - started > 180_000) fail('the server acknowledged too few saves in 3 minutes');
		await new Promise((r) => setTimeout(r, 50));
	}
	return acks.count - before;
}
for (const s of sessions) s.version = 0;
for (let round = 1; round <= ROUNDS; round++) {
	const until = { at: Infinity };
	const loops = sessions.map((s) => pupilLoop(s, exerciseId, acked, until));
	const count = await loadUntilKill();
	process.kill(-server.pid, 'SIGKILL');
	until.at = 0;
	await Promise.all(loops);
	server = start();
	await ready();
	check(acked, exerciseId, round);
	console.log(
		`✓ round ${round}: killed after ${count} acknowledged saves of ${PUPILS} pupils; all present, integrity ok`
	);
}
const stopped = new Promise((r) => server.once('exit', (code) => r(code)));
process.kill(server.pid, 'SIGTERM');
const code = await stopped;
if (code !== 0) fail(`a clean stop exited with ${code}`);
const wal = database + '-wal';
if (existsSync(wal) && statSync(wal).size > 0)
	fail('the WAL was not checkpointed at the clean stop');
check(acked, exerciseId, 'after the clean stop');
console.log('✓ clean stop: exit 0, WAL checkpointed, every save present');
rmSync(dir, { recursive: true, force: true });
