import { record, type Actor } from '../audit/log';
import type { Conn } from '../db';
import type { Role } from '../db/types';
import { cleanText } from '$lib/text/normalize';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { isCommonPassword } from './common-passwords';

export type StaffRole = Exclude<Role, 'student'>;

export interface StaffAccount {
	id: number;
	role: StaffRole;
	username: string;
	fullName: string;
	schoolId: number | null;
	schoolName: string | null;
	disabled: boolean;
}

export interface StaffInput {
	role: string;
	username: string;
	fullName: string;
	schoolId: number | null;
	password: string;
}

export type StaffErrors = Partial<
	Record<
		'role' | 'username' | 'fullName' | 'schoolId' | 'password',
		'required' | 'invalid' | 'taken' | 'too_short' | 'too_long' | 'common'
	>
>;

/** Usernames are lower-case ASCII letters, digits, dots, hyphens and underscores. */
export function normalizeUsername(value: string): string {
	return value.normalize('NFC').trim().toLowerCase();
}
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export type PasswordProblem = 'too_short' | 'too_long' | 'common';

/** Too short, too long, or on the list of the most common passwords (or the username itself). */
export function passwordProblem(
	password: string,
	username?: string | null
): PasswordProblem | null {
	if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
	if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
	if (isCommonPassword(password)) return 'common';
	if (username && normalizeUsername(password) === normalizeUsername(username)) return 'common';
	return null;
}

/** Whether `password` is the account's current password (false for an account without one). */
export async function currentPasswordIs(
	db: Conn,
	userId: number,
	password: string
): Promise<boolean> {
	const row = await db
		.selectFrom('users')
		.select('password_hash')
		.where('id', '=', userId)
		.executeTakeFirst();
	return !!row?.password_hash && (await verifyPassword(row.password_hash, password));
}

export async function listStaff(db: Conn): Promise<StaffAccount[]> {
	const rows = await db
		.selectFrom('users')
		.leftJoin('schools', 'schools.id', 'users.school_id')
		.select([
			'users.id',
			'users.role',
			'users.username',
			'users.full_name',
			'users.school_id',
			'schools.name as school_name',
			'users.disabled_at'
		])
		.where('users.role', '<>', 'student')
		.orderBy('users.role')
		.orderBy('users.username')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		role: r.role as StaffRole,
		username: r.username!,
		fullName: r.full_name,
		schoolId: r.school_id,
		schoolName: r.school_name,
		disabled: r.disabled_at !== null
	}));
}

/** Administrators create teachers (of a school) and department officers (of no school). */
export async function createStaff(
	db: Conn,
	actor: Actor,
	input: StaffInput,
	now = Date.now()
): Promise<{ ok: true; id: number } | { ok: false; errors: StaffErrors }> {
	const errors: StaffErrors = {};
	const role = input.role as StaffRole;
	const username = normalizeUsername(input.username);
	const fullName = cleanText(input.fullName);
	if (!['teacher', 'department', 'admin'].includes(role)) errors.role = 'invalid';
	if (!username) errors.username = 'required';
	else if (!USERNAME.test(username)) errors.username = 'invalid';
	else if (
		await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
	)
		errors.username = 'taken';
	if (!fullName) errors.fullName = 'required';
	else if (fullName.length > 120) errors.fullName = 'too_long';
	const pw = passwordProblem(input.password, username);
	if (pw) errors.password = pw;
	let schoolId: number | null = null;
	if (role === 'teacher') {
		if (!input.schoolId) errors.schoolId = 'required';
		else if (
			!(await db
				.selectFrom('schools')
				.select('id')
				.where('id', '=', input.schoolId)
				.executeTakeFirst())
		)
			errors.schoolId = 'invalid';
		else schoolId = input.schoolId;
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	const row = await db
		.insertInto('users')
		.values({
			role,
			username,
			full_name: fullName,
			school_id: schoolId,
			password_hash: await hashPassword(input.password),
			// The admin chose this password: its owner replaces it at first sign-in.
			must_change_password: 1,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await record(
		db,
		actor,
		{
			action: 'account.created',
			target: { type: 'user', id: row.id },
			schoolId,
			detail: { role }
		},
		now
	);
	return { ok: true, id: row.id };
}

/**
 * Sets a new password and ends every session of the user. A password set by someone else (the
 * admin's reset) must be replaced by its owner at their next sign-in.
 */
export async function setPassword(
	db: Conn,
	actor: Actor,
	userId: number,
	password: string
): Promise<void> {
	const byOwner = actor.id === userId;
	const row = await db
		.updateTable('users')
		.set({
			password_hash: await hashPassword(password),
			must_change_password: byOwner ? 0 : 1
		})
		.where('id', '=', userId)
		.returning('school_id')
		.executeTakeFirst();
	await invalidateUserSessions(db, userId);
	await record(db, actor, {
		action: byOwner ? 'auth.password_changed' : 'account.password_reset',
		target: { type: 'user', id: userId },
		schoolId: row?.school_id ?? null
	});
}

/** Disabling ends every session at once; enabling lets the user sign in again. */
export async function setDisabled(
	db: Conn,
	actor: Actor,
	userId: number,
	disabled: boolean,
	now = Date.now()
): Promise<void> {
	const row = await db
		.updateTable('users')
		.set({ disabled_at: disabled ? now : null })
		.where('id', '=', userId)
		.returning('school_id')
		.executeTakeFirst();
	if (disabled) await invalidateUserSessions(db, userId);
	await record(
		db,
		actor,
		{
			action: disabled ? 'account.disabled' : 'account.enabled',
			target: { type: 'user', id: userId },
			schoolId: row?.school_id ?? null
		},
		now
	);
}

export async function findStaffById(db: Conn, id: number) {
	return db
		.selectFrom('users')
		.selectAll()
		.where('id', '=', id)
		.where('role', '<>', 'student')
		.executeTakeFirst();
}
