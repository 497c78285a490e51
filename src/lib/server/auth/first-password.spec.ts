import { SYSTEM } from '../audit/log';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { createStaff, passwordProblem, setPassword } from './accounts';
import { isCommonPassword } from './common-passwords';
import { createSession, generateSessionToken, validateSessionToken } from './session';
import { firstPasswordRedirect } from './guard';
import type { SessionUser } from './session';

const input = (password: string) => ({
	role: 'department',
	username: 'so.ba',
	fullName: 'Nông Văn Ba',
	schoolId: null,
	password
});

async function userOf(db: ReturnType<typeof openTestDatabase>['db'], id: number) {
	const token = generateSessionToken();
	await createSession(db, token, id);
	return (await validateSessionToken(db, token)).user!;
}

describe('staff passwords', () => {
	it('refuses the most common passwords, in any case, and the username itself', async () => {
		for (const pw of ['12345678', 'Password1', 'matkhau123', 'QWERTYUIOP', '88888888'])
			expect(passwordProblem(pw)).toBe('common');
		expect(passwordProblem('so.ba.2026', 'so.ba.2026')).toBe('common');
		expect(passwordProblem('cay hoa hoi tren nui')).toBeNull();
		expect(isCommonPassword('khong-phai-pho-bien')).toBe(false);
		const { db } = openTestDatabase();
		expect(await createStaff(db, SYSTEM, input('iloveyou'))).toEqual({
			ok: false,
			errors: { password: 'common' }
		});
		expect(await db.selectFrom('users').select('id').execute()).toEqual([]);
	});

	it('an account the admin created must change its password at first sign-in', async () => {
		const { db } = openTestDatabase();
		const r = await createStaff(db, SYSTEM, input('Mau-Son-lanh-2026'));
		if (!r.ok) throw new Error('expected ok');
		const user = await userOf(db, r.id);
		expect(user.mustChangePassword).toBe(true);
		const event = (path: string, u: SessionUser | null = user) => ({
			locals: { user: u, session: null },
			url: new URL(`http://localhost${path}`)
		});
		expect(firstPasswordRedirect(event('/department'))).toBe('/account/password');
		expect(firstPasswordRedirect(event('/admin/audit?page=2'))).toBe('/account/password');
		expect(firstPasswordRedirect(event('/account/password'))).toBeNull();
		expect(firstPasswordRedirect(event('/logout'))).toBeNull();

		// Choosing their own password lifts the gate; an admin's reset sets it again.
		await setPassword(db, { id: r.id, role: 'department', address: null }, r.id, 'cay-na-Chi-Lang');
		const after = await userOf(db, r.id);
		expect(after.mustChangePassword).toBeUndefined();
		expect(firstPasswordRedirect(event('/department', after))).toBeNull();
		await setPassword(db, SYSTEM, r.id, 'Ky-Cung-mua-lu');
		expect((await userOf(db, r.id)).mustChangePassword).toBe(true);
	});
});
