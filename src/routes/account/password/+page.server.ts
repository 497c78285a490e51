import { fail, redirect } from '@sveltejs/kit';
import { fieldError } from '$lib/field-errors';
import { actorOf } from '$lib/server/audit/log';
import { database } from '$lib/server/db';
import { HOME_OF, requireRole } from '$lib/server/auth/guard';
import { currentPasswordIs, passwordProblem, setPassword } from '$lib/server/auth/accounts';
import * as auth from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'admin', 'department', 'teacher');
	return { first: user.mustChangePassword === true };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin', 'department', 'teacher');
		const form = await event.request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('password') ?? '');
		const db = database();
		if (!(await currentPasswordIs(db, user.id, current)))
			return fail(400, { message: m.password_current_wrong() });
		const problem = passwordProblem(next, user.username);
		if (problem) return fail(400, { message: fieldError(problem) });
		if (next === current) return fail(400, { message: m.security_password_same() });
		if (next !== String(form.get('confirm') ?? ''))
			return fail(400, { message: m.password_mismatch() });
		// Every session ends, including this one; this browser gets a fresh one.
		await db.transaction().execute((tx) => setPassword(tx, actorOf(event), user.id, next));
		const token = auth.generateSessionToken();
		const session = await auth.createSession(db, token, user.id);
		setSessionCookie(event, token, session.expiresAt);
		if (user.mustChangePassword) redirect(303, HOME_OF[user.role]);
		return { done: true };
	}
};
