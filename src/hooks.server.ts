import type { Handle, ServerInit } from '@sveltejs/kit';
import { firstPasswordRedirect } from '$lib/server/auth/guard';
import { sequence } from '@sveltejs/kit/hooks';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	extractLocaleFromRequest,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime';
import { closeAppDatabase, database } from '$lib/server/db';
import { closeGradingPool } from '$lib/server/exercises/grade-pool';
import { closeSheetsPool } from '$lib/server/sheets/pool';
import * as auth from '$lib/server/auth/session';
import { startUp } from '$lib/server/startup';
import { preloadFirst } from '$lib/server/preload';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';

export const init: ServerInit = async () => {
	await startUp();
	// scripts/serve.js emits this once the server stopped taking requests and those in flight ended.
	process.once('sveltekit:shutdown', () => {
		void closeGradingPool();
		void closeSheetsPool();
		// SQLite: checkpoint and close happen at once (no await before them), before the process exits.
		void closeAppDatabase();
	});
};

// The locale of each request (the cookie, else Vietnamese), where Paraglide's messages find it. Not
// Paraglide's middleware: with no locale in the URL it only copies every request (an autosave's cost
// grew by a fifth), so the store is set here directly.
const locales = new AsyncLocalStorage<{
	locale?: Locale;
	origin?: string;
	messageCalls?: Set<string>;
}>();
overwriteServerAsyncLocalStorage(locales);

const handleLocale: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	const store = { locale, origin: event.url.origin, messageCalls: new Set<string>() };
	return locales.run(store, () =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) })
	);
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(auth.SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const result = await auth.validateSessionToken(database(), token);
		if (result.session) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			if (result.renewed) setSessionCookie(event, token, result.session.expiresAt);
		} else {
			deleteSessionCookie(event.cookies);
		}
	}
	const forced = firstPasswordRedirect(event);
	if (forced) return new Response(null, { status: 303, headers: { location: forced } });
	const response = await resolve(event);
	preloadFirst(response, event.locals.preload);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

export const handle = sequence(handleLocale, handleSession);
