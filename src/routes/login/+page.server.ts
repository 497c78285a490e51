import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import * as auth from '$lib/server/auth/session';
import { signInStaff } from '$lib/server/auth/signin';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { HOME_OF } from '$lib/server/auth/guard';
import { safePath } from '$lib/server/auth/safe-redirect';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, HOME_OF[locals.user.role]);
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const username = String(form.get('username') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '').slice(0, 300);
		if (!username || !password) return fail(400, { username, message: m.login_missing() });
		const db = database();
		const result = await signInStaff(db, { username, password, address: event.getClientAddress() });
		if (!result.ok && result.reason === 'locked') {
			const time = new Date(result.until).toLocaleTimeString(
				getLocale() === 'vi' ? 'vi-VN' : 'en-GB',
				{
					hour: '2-digit',
					minute: '2-digit',
					timeZone: 'Asia/Ho_Chi_Minh'
				}
			);
			const minutes = Math.max(1, Math.ceil((result.until - Date.now()) / 60000));
			event.setHeaders({ 'Retry-After': String(Math.ceil((result.until - Date.now()) / 1000)) });
			return fail(429, { username, message: m.login_locked({ minutes, time }) });
		}
		if (!result.ok) return fail(400, { username, message: m.login_invalid() });
		const token = auth.generateSessionToken();
		const session = await auth.createSession(db, token, result.userId);
		setSessionCookie(event, token, session.expiresAt);
		const home = HOME_OF[result.role as keyof typeof HOME_OF];
		const next = safePath(event.url.searchParams.get('next'), home);
		redirect(303, next.startsWith(home) ? next : home);
	}
};
