// Sessions as the Lucia guide teaches: a random token in the cookie, only its SHA-256 in the database.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Conn } from '../db';
import { compiledOnce } from '../db/compiled-once';
import type { Role } from '../db/types';

export const SESSION_COOKIE = 'session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
/** A session used when fewer than this many days remain is extended to the full lifetime. */
export const SESSION_RENEW_WITHIN = 15 * DAY;

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
}

export interface SessionUser {
	id: number;
	role: Role;
	schoolId: number | null;
	username: string | null;
	fullName: string;
	/** Staff whose password was set by the admin: every page leads to /account/password until changed. */
	mustChangePassword?: boolean;
}

export type SessionValidation =
	| { session: Session; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

/** 20 random bytes (160 bits), base32: the value of the cookie. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: Conn,
	token: string,
	userId: number,
	now = Date.now()
): Promise<Session> {
	const session: Session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: new Date(now + SESSION_LIFETIME)
	};
	await db
		.insertInto('sessions')
		.values({ id: session.id, user_id: userId, expires_at: session.expiresAt.getTime() })
		.execute();
	return session;
}

/** A session with its user, by the session's id (compiled once: every request reads it). */
const sessionById = compiledOnce((db: Conn, id: string) =>
	db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select([
			'sessions.id',
			'sessions.expires_at',
			'users.id as user_id',
			'users.role',
			'users.school_id',
			'users.username',
			'users.full_name',
			'users.disabled_at',
			'users.must_change_password'
		])
		.where('sessions.id', '=', id)
);

/** The session of a token with its user, as stored (no check made). */
async function readSession(db: Conn, token: string) {
	return (await sessionById(db, sessionIdOf(token))).at(0);
}
type SessionRow = NonNullable<Awaited<ReturnType<typeof readSession>>>;

function userOf(row: SessionRow): SessionUser {
	return {
		id: row.user_id,
		role: row.role,
		schoolId: row.school_id,
		username: row.username,
		fullName: row.full_name,
		...(row.must_change_password ? { mustChangePassword: true } : {})
	};
}

export async function validateSessionToken(
	db: Conn,
	token: string,
	now = Date.now()
): Promise<SessionValidation> {
	const none = { session: null, user: null, renewed: false } as const;
	const row = await readSession(db, token);
	if (!row) return none;
	if (now >= row.expires_at || row.disabled_at !== null) {
		await db.deleteFrom('sessions').where('id', '=', row.id).execute();
		return none;
	}
	let expiresAt = row.expires_at;
	let renewed = false;
	if (now >= expiresAt - SESSION_RENEW_WITHIN) {
		expiresAt = now + SESSION_LIFETIME;
		renewed = true;
		await db
			.updateTable('sessions')
			.set({ expires_at: expiresAt })
			.where('id', '=', row.id)
			.execute();
	}
	return {
		session: { id: row.id, userId: row.user_id, expiresAt: new Date(expiresAt) },
		user: userOf(row),
		renewed
	};
}

/**
 * The user of a token when validating it would change nothing and send no cookie: a live session
 * not yet due for renewal, of an account still enabled. Otherwise null, and the caller leaves the
 * request to validateSessionToken (which deletes or renews). For the autosave's fast path.
 */
export async function peekSession(
	db: Conn,
	token: string,
	now = Date.now()
): Promise<SessionUser | null> {
	const row = await readSession(db, token);
	if (!row || row.disabled_at !== null || now >= row.expires_at - SESSION_RENEW_WITHIN) return null;
	return userOf(row);
}

export async function invalidateSession(db: Conn, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user: after a password change, a reset or disabling the account. */
export async function invalidateUserSessions(db: Conn, userId: number): Promise<void> {
	await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
