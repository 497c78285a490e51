// npm test: type check, unit tests (vitest), then the journeys in real Chromium (Playwright)
// against the built app on its own port with a throwaway database.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const e2eOnly = process.argv.includes('--e2e-only');
const extra = process.argv.slice(2).filter((a) => a !== '--e2e-only');

function run(label, cmd, args, env = {}) {
	console.log(`\n▶ ${label}`);
	const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) {
		console.error(`\n✗ ${label} failed`);
		process.exit(r.status ?? 1);
	}
}

function which(cmd) {
	const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

/** CHROMIUM_PATH, Debian's chromium, Playwright's own; else install Debian's where apt-get can. */
async function findChromium() {
	const candidates = [
		process.env.CHROMIUM_PATH,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		which('chromium'),
		which('google-chrome')
	];
	try {
		const { chromium } = await import('@playwright/test');
		candidates.push(chromium.executablePath());
	} catch {
		// Playwright's own browser is optional
	}
	const found = candidates.find((p) => p && existsSync(p));
	if (found) return found;
	const isRoot = process.getuid?.() === 0;
	if (which('apt-get') && isRoot) {
		console.log('No Chromium found: installing Debian’s chromium with apt-get…');
		spawnSync('apt-get', ['update'], { stdio: 'inherit' });
		const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
		if (r.status === 0 && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	}
	console.error(
		'No Chromium was found for the browser tests. Install one and run npm test again:\n' +
			'  Debian/Ubuntu: sudo apt-get install chromium\n' +
			'  or set CHROMIUM_PATH=/path/to/chrome, or run: npx playwright install chromium'
	);
	process.exit(1);
}

if (!e2eOnly) {
	// The messages are compiled by the Vite plugin during builds; the type check needs them first.
	run('Compile messages (Paraglide)', 'npm', ['run', '--silent', 'i18n']);
	run('Type check (svelte-check)', 'npx', ['svelte-kit', 'sync']);
	run('Lint (Prettier, ESLint)', 'npm', ['run', '--silent', 'lint']);
	run('Type check (svelte-check)', 'npx', [
		'svelte-check',
		'--tsconfig',
		'./tsconfig.json',
		'--threshold',
		'error'
	]);
	run('Unit tests (vitest)', 'npx', ['vitest', 'run']);
}
const chromium = await findChromium();
run('Build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (!e2eOnly)
	run('Crash test (SIGKILL under autosaves, three rounds; then a clean stop)', 'node', [
		'scripts/crash-test.js'
	]);
if (!e2eOnly)
	run('Two instances over one database (sessions, sign-in locks, figures)', 'node', [
		'scripts/instances-test.js'
	]);
const database = join(tmpdir(), `mam-stem-e2e-${process.pid}.db`);
for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
rmSync(database + '-uploads', { recursive: true, force: true });
run('Browser journeys (Playwright, Chromium)', 'npx', ['playwright', 'test', ...extra], {
	CHROMIUM_PATH: chromium,
	E2E_DATABASE: database
});
for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
rmSync(database + '-uploads', { recursive: true, force: true });
console.log('\n✓ All checks passed');
