// npm test and npm run test:postgres: two instances of the built app over one database agree.
// Starts two servers (scripts/serve.js, one process each) on two ports at the same moment over one
// empty database (PostgreSQL when INSTANCES_DATABASE_URL is set, else a throwaway SQLite file), then:
// - they prepare it once (one set of migrations, one demo seed);
// - a session made on one works on the other, and signing out on the other ends it on both;
// - failed sign-ins on both add up to one lock;
// - both show the department the same dashboard figures, taken at the same time.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const url = process.env.INSTANCES_DATABASE_URL;
const dir = join(tmpdir(), `mam-stem-instances-${process.pid}`);
const ports = [
	Number(process.env.INSTANCES_PORT ?? 4397),
	Number(process.env.INSTANCES_PORT ?? 4397) + 1
];
const bases = ports.map((p) => `http://127.0.0.1:${p}`);
const servers = [];
let stopping = false;

function fail(message) {
	stopping = true;
	console.error(`✗ two instances: ${message}`);
	for (const s of servers) s.kill('SIGKILL');
	process.exit(1);
}

function start(port) {
	const database = url ? { DATABASE_URL: url } : { DATABASE_PATH: join(dir, 'shared.db') };
	const child = spawn('node', ['scripts/serve.js'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'inherit'],
		env: {
			...process.env,
			...database,
			PORT: String(port),
			HOST: '127.0.0.1',
			WEB_CONCURRENCY: '1',
			UPLOADS_PATH: join(dir, 'uploads'),
			QUIET_START: '1'
		}
	});
	child.on('exit', (code) => {
		if (!stopping) fail(`the instance on port ${port} stopped (exit ${code})`);
	});
	child.output = '';
	child.stdout.on('data', (d) => (child.output += d));
	servers.push(child);
	return child;
}

async function ready(base) {
	for (let i = 0; i < 1200; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) return;
		} catch {
			// not yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	fail(`${base} did not start`);
}

/** A form sent as a browser without the page's script would (the action answers with a redirect). */
function post(base, path, fields, cookie = '') {
	return fetch(base + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: base,
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
}

async function signIn(base, username, password) {
	const res = await post(base, '/login', { username, password });
	const cookie = (res.headers.get('set-cookie') ?? '').match(/session=[^;]+/)?.[0];
	return { status: res.status, cookie };
}

async function page(base, path, cookie) {
	const res = await fetch(base + path, { redirect: 'manual', headers: { cookie } });
	return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

const text = (html) =>
	html
		.replace(/<\/t[dh]>/g, ' | ')
		.replace(/<[^>]+>/g, '')
		.replace(/&nbsp;|\s+/g, ' ')
		.trim();

/** The reach table's total row and the "as of" line of a dashboard page. */
function figures(html) {
	const table = html.match(/data-table="reach"[\s\S]*?<\/table>/)?.[0];
	const rows = table?.match(/<tr[\s\S]*?<\/tr>/g) ?? [];
	const asOf = html.match(/data-testid="as-of"[^>]*>([\s\S]*?)<\//)?.[1];
	if (!rows.length || !asOf) fail('a dashboard page has no reach table or no "as of"');
	return { total: text(rows.at(-1)), asOf: text(asOf) };
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const [a, b] = ports.map(start);
await Promise.all(bases.map(ready));

// Prepared once: one of them seeded the demo pilot, the other found it there.
const seeded = [a, b].filter((s) => /seeded the demo pilot/.test(s.output)).length;
if (seeded !== 1) fail(`the demo pilot was seeded ${seeded} times`);
console.log('✓ both started over one empty database; it was migrated and seeded once');

// One session, whichever instance answers.
const teacher = await signIn(bases[0], 'gv.hoa', 'mamstem-demo');
if (teacher.status !== 303 || !teacher.cookie)
	fail(`signing in on the first gave ${teacher.status}`);
const there = await page(bases[1], '/teach', teacher.cookie);
if (there.status !== 200 || !/Việc cần làm/.test(there.html))
	fail(
		`the session made on the first is not known to the second (${there.status} ${there.location})`
	);
await post(bases[1], '/logout', {}, teacher.cookie);
const after = await page(bases[0], '/teach', teacher.cookie);
if (after.status !== 303 || !after.location?.startsWith('/login'))
	fail(`signed out on the second, the first still served /teach (${after.status})`);
console.log('✓ a session made on one works on the other; signing out on the other ends it');

// Five wrong passwords, alternately on each, lock the account (the fifth is answered with the lock).
for (let i = 0; i < 5; i++) {
	const wrong = await signIn(bases[i % 2], 'gv.lan', `wrong-${i}`);
	const expected = i < 4 ? 400 : 429;
	if (wrong.status !== expected)
		fail(`wrong password ${i + 1} answered ${wrong.status}, not ${expected}`);
}
for (const base of bases) {
	const right = await signIn(base, 'gv.lan', 'mamstem-demo');
	if (right.status !== 429 || right.cookie)
		fail(`after 5 failures over both, the right password on ${base} gave ${right.status}`);
}
console.log('✓ failed sign-ins on both add up to one lock');

// The department's figures: the same on both, taken at the same time.
const officers = await Promise.all(bases.map((base) => signIn(base, 'sogd', 'mamstem-demo')));
const seen = await Promise.all(
	bases.map((base, i) => page(base, '/department?by=school', officers[i].cookie))
);
for (const s of seen) if (s.status !== 200) fail(`a dashboard page answered ${s.status}`);
const [fa, fb] = seen.map((s) => figures(s.html));
if (fa.total !== fb.total || fa.asOf !== fb.asOf)
	fail(`the dashboards differ:\n  ${JSON.stringify(fa)}\n  ${JSON.stringify(fb)}`);
console.log(`✓ both show the same figures (${fa.asOf}: ${fa.total})`);

stopping = true;
for (const s of servers) s.kill('SIGTERM');
await Promise.all(servers.map((s) => new Promise((r) => s.once('exit', r))));
rmSync(dir, { recursive: true, force: true });
console.log('✓ two instances over one database agree');
