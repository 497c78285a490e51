import { beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM } from '../audit/log';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import * as auth from './session';
import { setDisabled, setPassword } from './accounts';
import { hashPassword } from './password';

let db: DB;
let userId: number;

beforeEach(async () => {
	db = openTestDatabase().db;
	userId = (
		await db
			.insertInto('users')
			.values({
				role: 'department',
				username: 'sogd',
				full_name: 'Lăng Văn Minh',
				password_hash: await hashPassword('old-password'),
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});

describe('session tokens', () => {
	it('are 20 random bytes in base32 and differ every time', () => {
		const a = auth.generateSessionToken();
		const b = auth.generateSessionToken();
		expect(a).toMatch(/^[a-z2-7]{32}$/); // 160 bits = 32 base32 characters
		expect(a).not.toBe(b);
	});

	it('are stored only as their SHA-256', async () => {
		const token = auth.generateSessionToken();
		const session = await auth.createSession(db, token, userId);
		const rows = await db.selectFrom('sessions').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(session.id);
		expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
		expect(rows[0].id).not.toContain(token);
		// SHA-256 of "abc", the standard test vector
		expect(auth.sessionIdOf('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});
});

describe('validation, expiry and renewal', () => {
	const DAY = 86400000;
	const t0 = Date.UTC(2026, 10, 1);

	it('finds the user of a fresh session without renewing it', async () => {
		const token = auth.generateSessionToken();
		await auth.createSession(db, token, userId, t0);
		const r = await auth.validateSessionToken(db, token, t0 + DAY);
		expect(r.user?.username).toBe('sogd');
		expect(r.renewed).toBe(false);
		expect(r.session?.expiresAt.getTime()).toBe(t0 + 30 * DAY);
	});

	it('renews to 30 days when fewer than 15 remain', async () => {
		const token = auth.generateSessionToken();
		await auth.createSession(db, token, userId, t0);
		const at = t0 + 16 * DAY;
		const r = await auth.validateSessionToken(db, token, at);
		expect(r.renewed).toBe(true);
		expect(r.session?.expiresAt.getTime()).toBe(at + 30 * DAY);
		const row = await db.selectFrom('sessions').select('expires_at').executeTakeFirstOrThrow();
		expect(row.expires_at).toBe(at + 30 * DAY);
	});

	it('rejects and deletes an expired session', async () => {
		const token = auth.generateSessionToken();
		await auth.createSession(db, token, userId, t0);
		const r = await auth.validateSessionToken(db, token, t0 + 30 * DAY);
		expect(r.session).toBeNull();
		expect(await db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
	});

	it('rejects an unknown token', async () => {
		expect((await auth.validateSessionToken(db, 'not-a-token')).session).toBeNull();
	});
});

describe('ending sessions', () => {
	it('signing out ends that session only', async () => {
		const a = auth.generateSessionToken();
		const b = auth.generateSessionToken();
		const sa = await auth.createSession(db, a, userId);
		await auth.createSession(db, b, userId);
		await auth.invalidateSession(db, sa.id);
		expect((await auth.validateSessionToken(db, a)).session).toBeNull();
		expect((await auth.validateSessionToken(db, b)).session).not.toBeNull();
	});

	it('changing the password ends every session of the user', async () => {
		const a = auth.generateSessionToken();
		const b = auth.generateSessionToken();
		await auth.createSession(db, a, userId);
		await auth.createSession(db, b, userId);
		await setPassword(db, SYSTEM, userId, 'new-password-1');
		expect((await auth.validateSessionToken(db, a)).session).toBeNull();
		expect((await auth.validateSessionToken(db, b)).session).toBeNull();
	});

	it('disabling the account ends every session, and a disabled user has none', async () => {
		const a = auth.generateSessionToken();
		await auth.createSession(db, a, userId);
		await setDisabled(db, SYSTEM, userId, true);
		expect(await db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
		// Even a session created behind the guard's back is refused while disabled.
		const b = auth.generateSessionToken();
		await auth.createSession(db, b, userId);
		expect((await auth.validateSessionToken(db, b)).session).toBeNull();
	});
});
