import { redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime';
import { safePath } from '$lib/server/auth/safe-redirect';
import type { RequestHandler } from './$types';

/** The language switch: a plain form post, so it works without JavaScript; remembered for a year. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData();
	const locale = String(form.get('locale') ?? '');
	if (isLocale(locale)) {
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: 365 * 24 * 3600,
			httpOnly: false,
			sameSite: 'lax'
		});
	}
	redirect(303, safePath(form.get('back'), '/'));
};
