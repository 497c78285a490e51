import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emptySpec } from '$lib/blockly/spec';
import { openTestDatabase } from './db/testing';
import type { DB } from './db';
import * as auth from './auth/session';
import { createExercise } from './exercises/exercises';
import { getWork } from './exercises/work';
import { fastAutosave } from './fast-autosave';

const DAY = 86_400_000;
const workspace = JSON.stringify({
	blocks: { languageVersion: 0, blocks: [{ type: 'maze_forward', x: 10, y: 10 }] }
});

describe('the autosave answered before SvelteKit', () => {
	let db: DB;
	let server: Server;
	let base: string;
	let passedOn = 0; // requests handed on to SvelteKit (here: answered 299)
	const tokens: Record<string, string> = {};
	let builtIn: number;
	let otherSchools: number;
	let pupilId: number;

	async function user(role: 'student' | 'teacher', schoolId: number, extra = {}) {
		return (
			await db
				.insertInto('users')
				.values({
					role,
					school_id: schoolId,
					username: role === 'teacher' ? `t${schoolId}${Math.random()}` : null,
					full_name: 'N',
					password_hash: null,
					disabled_at: null,
					created_at: 0,
					...extra
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	}

	async function session(name: string, userId: number, expiresIn = 30 * DAY) {
		tokens[name] = `token-${name}-${Math.random()}`;
		await auth.createSession(
			db,
			tokens[name],
			userId,
			Date.now() + expiresIn - auth.SESSION_LIFETIME
		);
	}

	const save = (id: number, body: unknown, token?: string, headers: Record<string, string> = {}) =>
		fetch(`${base}/learn/exercises/${id}/save`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(token ? { cookie: `PARAGLIDE_LOCALE=en; session=${token}` } : {}),
				...headers
			},
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});

	beforeAll(async () => {
		db = openTestDatabase().db;
		const school = async (name: string) =>
			(
				await db
					.insertInto('schools')
					.values({
						name,
						commune: 'X',
						level: 'primary',
						pilot_since: '2024-09-05',
						created_at: 0
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const a = await school('A');
		const b = await school('B');
		const input = {
			title: 'E',
			kind: 'maze' as const,
			grade: 3,
			concept: 'sequence' as const,
			spec: emptySpec('maze'),
			authorId: null,
			status: 'published' as const
		};
		builtIn = await createExercise(db, { ...input, schoolId: null });
		otherSchools = await createExercise(db, { ...input, schoolId: b });
		pupilId = await user('student', a);
		await session('pupil', pupilId);
		await session('renew', pupilId, 2 * DAY); // due for renewal: SvelteKit renews and sends the cookie
		await session('expired', pupilId, -DAY); // SvelteKit deletes it
		await session('teacher', await user('teacher', a));
		await session('disabled', await user('student', a, { disabled_at: 1 }));
		await session('password', await user('student', a, { must_change_password: 1 }));
		server = createServer((req, res) =>
			fastAutosave(db, req, res, () => {
				passedOn++;
				req.resume();
				res.writeHead(299).end('SvelteKit');
			})
		);
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise((r) => server.close(r)));

	test("a pupil's autosave is stored and answered here, with the app's headers", async () => {
		const res = await save(builtIn, { version: 3, workspace }, tokens.pupil);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ saved: true, version: 3 });
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect((await getWork(db, builtIn, pupilId))?.workspace).toBe(workspace);
		// An older version arriving late changes nothing.
		const stale = await save(builtIn, { version: 2, workspace: '{}' }, tokens.pupil);
		expect(await stale.json()).toEqual({ saved: false, version: 3 });
		expect((await getWork(db, builtIn, pupilId))?.workspace).toBe(workspace);
		expect(passedOn).toBe(0);
	});

	test('bad input: the same refusals as the route, nothing stored', async () => {
		const refused = async (body: unknown) => {
			const res = await save(builtIn, body, tokens.pupil);
			expect(res.status).toBe(400);
			return res.json();
		};
		expect(await refused('{not json')).toEqual({ refused: 'malformed' });
		expect(await refused({ version: 'x', workspace })).toEqual({ refused: 'malformed' });
		expect(
			await refused({ version: 9, workspace: '{"blocks":{"blocks":[{"type":"evil"}]}}' })
		).toEqual({ refused: 'unknown_block', detail: 'evil' });
		expect(await refused({ version: 9, workspace: 'x'.repeat(600_000) })).toEqual({
			refused: 'too_large'
		});
		expect((await getWork(db, builtIn, pupilId))?.version).toBe(3);
		expect(passedOn).toBe(0);
	});

	test("another school's exercise answers 404 in the pupil's language", async () => {
		const res = await save(otherSchools, { version: 1, workspace }, tokens.pupil);
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual({ message: 'Page not found.' });
		expect(await getWork(db, otherSchools, pupilId)).toBeUndefined();
	});

	test('everything else goes on to SvelteKit, its body unread', async () => {
		const before = passedOn;
		const body = { version: 50, workspace };
		for (const res of [
			await save(builtIn, body), // no session
			await save(builtIn, body, 'not-a-session'),
			await save(builtIn, body, tokens.teacher), // another role: SvelteKit answers 403
			await save(builtIn, body, tokens.renew), // the cookie must be renewed
			await save(builtIn, body, tokens.expired),
			await save(builtIn, body, tokens.disabled),
			await save(builtIn, body, tokens.password),
			await save(builtIn, body, tokens.pupil, { 'content-type': 'text/plain' }),
			await fetch(`${base}/learn/exercises/${builtIn}/save?x=1`, { method: 'POST' }),
			await fetch(`${base}/learn/exercises/${builtIn}`, {
				headers: { cookie: `session=${tokens.pupil}` }
			})
		])
			expect(await res.text()).toBe('SvelteKit');
		expect(passedOn - before).toBe(10);
		expect((await getWork(db, builtIn, pupilId))?.version).toBe(3);
	});
});
