import type { Conn } from '../db';
import type { SecretKind } from '../db/types';
import { decoyHash, verifyPassword } from './password';
import { normalizeUsername } from './accounts';
import { secretMatches } from './pupil-secret';
import * as limits from './ratelimit';
import { record } from '../audit/log';

export type SignInResult =
	| { ok: true; userId: number; role: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'locked'; until: number };

/**
 * Staff sign-in. The answer never tells whether the username or the password was wrong;
 * failures are counted per account and per address.
 */
export async function signInStaff(
	db: Conn,
	input: { username: string; password: string; address: string },
	now = Date.now()
): Promise<SignInResult> {
	const username = normalizeUsername(input.username);
	const keys = [`user:${username}`, `ip:${input.address}`];
	const locked = await limits.lockedUntilAny(db, keys, now);
	if (locked) return { ok: false, reason: 'locked', until: locked };

	const user = await db
		.selectFrom('users')
		.select(['id', 'role', 'school_id', 'password_hash', 'disabled_at'])
		.where('username', '=', username)
		.where('role', '<>', 'student')
		.executeTakeFirst();
	const valid = user?.password_hash
		? await verifyPassword(user.password_hash, input.password)
		: (await verifyPassword(await decoyHash(), input.password), false);
	if (!user || !valid || user.disabled_at !== null) {
		const a = await limits.recordFailure(db, keys[0], limits.STAFF_ACCOUNT, now);
		const b = await limits.recordFailure(db, keys[1], limits.ADDRESS, now);
		const until = Math.max(a ?? 0, b ?? 0);
		// The account tried (when it exists), never the typed name: it may hold a password.
		await record(
			db,
			{ id: null, role: 'anonymous', address: input.address },
			{
				action: 'auth.signin_failed',
				target: user ? { type: 'user', id: user.id } : null,
				schoolId: user?.school_id ?? null,
				detail: until ? { locked: true } : null
			},
			now
		);
		return until ? { ok: false, reason: 'locked', until } : { ok: false, reason: 'invalid' };
	}
	await limits.clearFailures(db, keys[0]);
	await record(
		db,
		{ id: user.id, role: user.role, address: input.address },
		{ action: 'auth.signin', target: { type: 'user', id: user.id }, schoolId: user.school_id },
		now
	);
	return { ok: true, userId: user.id, role: user.role };
}

/** A pupil's sign-in with the secret of their login card, limited per pupil. */
export async function signInPupil(
	db: Conn,
	input: { pupilId: number; classId: number; answer: string[]; address?: string },
	now = Date.now()
): Promise<SignInResult> {
	const key = `pupil:${input.pupilId}`;
	const addressKey = `pupil-ip:${input.classId}:${input.address ?? ''}`;
	const locked = await limits.lockedUntilAny(db, [key, addressKey], now);
	if (locked) return { ok: false, reason: 'locked', until: locked };
	const pupil = await db
		.selectFrom('users')
		.innerJoin('pupil_profiles', 'pupil_profiles.user_id', 'users.id')
		.innerJoin('enrolments', 'enrolments.pupil_id', 'users.id')
		.select([
			'users.id',
			'users.disabled_at',
			'pupil_profiles.secret_kind',
			'pupil_profiles.secret'
		])
		.where('users.id', '=', input.pupilId)
		.where('enrolments.class_id', '=', input.classId)
		.where('enrolments.ended_on', 'is', null)
		.executeTakeFirst();
	if (!pupil) return { ok: false, reason: 'invalid' };
	if (
		pupil.disabled_at !== null ||
		!secretMatches(pupil.secret_kind as SecretKind, pupil.secret, input.answer)
	) {
		const a = await limits.recordPupilFailure(db, key, now);
		const b = await limits.recordFailure(db, addressKey, limits.PUPIL_ADDRESS, now);
		const until = Math.max(a ?? 0, b ?? 0);
		return until ? { ok: false, reason: 'locked', until } : { ok: false, reason: 'invalid' };
	}
	await limits.clearFailures(db, key);
	return { ok: true, userId: pupil.id, role: 'student' };
}
