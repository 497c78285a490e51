import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { setSessionCookie } from './cookie';

function recorder() {
	const calls: { name: string; value: string; opts: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, opts: Record<string, unknown>) =>
			calls.push({ name, value, opts })
	} as unknown as Cookies;
	return { cookies, calls };
}

describe('the session cookie', () => {
	const expires = new Date(Date.UTC(2026, 11, 28));

	it('is HttpOnly, SameSite=Lax, Path=/, with the session’s expiry; not Secure over plain http', () => {
		const { cookies, calls } = recorder();
		setSessionCookie(cookies, new URL('http://192.168.1.10:3000/login'), 'tok', expires);
		expect(calls).toEqual([
			{
				name: 'session',
				value: 'tok',
				opts: { httpOnly: true, sameSite: 'lax', path: '/', secure: false, expires }
			}
		]);
	});

	it('is Secure when the page is served over https', () => {
		const { cookies, calls } = recorder();
		setSessionCookie(cookies, new URL('https://stem.langson.edu.vn/login'), 'tok', expires);
		expect(calls[0].opts.secure).toBe(true);
	});
});
