import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { isSecureTransport, setSessionCookie, type TransportSettings } from './cookie';

function recorder() {
	const calls: { name: string; value: string; opts: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, opts: Record<string, unknown>) =>
			calls.push({ name, value, opts })
	} as unknown as Cookies;
	return { cookies, calls };
}

const request = (url: string, forwardedProto?: string) =>
	new Request(url, { headers: forwardedProto ? { 'x-forwarded-proto': forwardedProto } : {} });

describe('the session cookie', () => {
	const expires = new Date(Date.UTC(2026, 11, 28));

	it('is HttpOnly, SameSite=Lax, Path=/, with the session’s expiry; not Secure over plain http', () => {
		const { cookies, calls } = recorder();
		const event = { cookies, request: request('http://192.168.1.10:3000/login') };
		setSessionCookie(event, 'tok', expires, {});
		expect(calls).toEqual([
			{
				name: 'session',
				value: 'tok',
				opts: { httpOnly: true, sameSite: 'lax', path: '/', secure: false, expires }
			}
		]);
	});

	it('is Secure when ORIGIN is an https address, even though the proxy speaks http to the app', () => {
		const { cookies, calls } = recorder();
		const event = { cookies, request: request('http://127.0.0.1:3000/login') };
		setSessionCookie(event, 'tok', expires, { origin: 'https://stem.langson.edu.vn' });
		expect(calls[0].opts.secure).toBe(true);
	});

	it('follows a trusted proxy’s X-Forwarded-Proto', () => {
		const { cookies, calls } = recorder();
		const event = { cookies, request: request('http://127.0.0.1:3000/login', 'https') };
		setSessionCookie(event, 'tok', expires, { trustProxy: '1' });
		expect(calls[0].opts.secure).toBe(true);
	});

	it('ignores X-Forwarded-Proto when no proxy is trusted', () => {
		const { cookies, calls } = recorder();
		const event = { cookies, request: request('https://192.168.1.10:3000/login', 'https') };
		setSessionCookie(event, 'tok', expires, {});
		expect(calls[0].opts.secure).toBe(false);
	});
});

describe('isSecureTransport', () => {
	const cases: [TransportSettings, string | null, boolean][] = [
		// ORIGIN decides by itself
		[{ origin: 'https://stem.langson.edu.vn' }, null, true],
		[{ origin: 'HTTPS://stem.langson.edu.vn' }, 'http', true],
		[{ origin: 'http://192.168.1.10:3000' }, 'https', false],
		// TRUST_PROXY=1: the first value of X-Forwarded-Proto (the hop nearest the browser)
		[{ trustProxy: '1' }, 'https', true],
		[{ trustProxy: '1' }, 'HTTPS', true],
		[{ trustProxy: '1' }, 'https, http', true],
		[{ trustProxy: '1' }, 'http, https', false],
		[{ trustProxy: '1' }, 'http', false],
		[{ trustProxy: '1' }, null, false],
		[{ trustProxy: 'true', origin: 'http://192.168.1.10:3000' }, 'https', true],
		// no trust: the header is never believed
		[{}, 'https', false],
		[{ trustProxy: '0' }, 'https', false],
		[{ trustProxy: '' }, 'https', false],
		[{}, null, false]
	];
	it.each(cases)('%o with X-Forwarded-Proto %s → %s', (settings, proto, secure) => {
		expect(isSecureTransport(settings, proto)).toBe(secure);
	});
});
