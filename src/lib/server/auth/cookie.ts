import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/** The settings that say whether the browser reaches the app over HTTPS (README, Configuration). */
export interface TransportSettings {
	/** ORIGIN: the public address; `https://…` means every page is reached over HTTPS. */
	origin?: string;
	/** TRUST_PROXY: `1` when a reverse proxy in front sets X-Forwarded-Proto (and clients cannot). */
	trustProxy?: string;
}

/**
 * Whether the session cookie is marked Secure. `ORIGIN=https://…`: yes. `TRUST_PROXY=1`: when the
 * proxy's X-Forwarded-Proto says https (its first value: the hop nearest the browser). Otherwise
 * no, whatever the header says: without a trusted proxy anyone can send it, and the URL's protocol
 * may have been taken from it (scripts/serve.js), so neither is a proof of HTTPS.
 */
export function isSecureTransport(settings: TransportSettings, forwardedProto: string | null) {
	if (settings.origin?.trim().toLowerCase().startsWith('https://')) return true;
	if (!/^(1|true|yes)$/i.test(settings.trustProxy?.trim() ?? '')) return false;
	return forwardedProto?.split(',')[0].trim().toLowerCase() === 'https';
}

const fromEnvironment = (): TransportSettings => ({
	origin: process.env.ORIGIN,
	trustProxy: process.env.TRUST_PROXY
});

/** HttpOnly, SameSite=Lax, Path=/, Secure when the browser reaches us over HTTPS (see above). */
export function setSessionCookie(
	event: { cookies: Cookies; request: Request },
	token: string,
	expiresAt: Date,
	settings: TransportSettings = fromEnvironment()
): void {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: isSecureTransport(settings, event.request.headers.get('x-forwarded-proto')),
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
