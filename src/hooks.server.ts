import type { Handle, ServerInit } from '@sveltejs/kit';
import { firstPasswordRedirect } from '$lib/server/auth/guard';
import { sequence } from '@sveltejs/kit/hooks';
import { closeAppDatabase, database } from '$lib/server/db';
import { closeGradingPool } from '$lib/server/exercises/grade-pool';
import { closeSheetsPool } from '$lib/server/sheets/pool';
import * as auth from '$lib/server/auth/session';
import { startUp } from '$lib/server/startup';
import { errorPagePreload, preloadFirst, preloadLast } from '$lib/server/preload';
import { withRequestLocale } from '$lib/server/locale';
import { registerFastAutosave } from '$lib/server/fast-autosave';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';

export const init: ServerInit = async () => {
	await startUp();
	registerFastAutosave();
	// scripts/serve.js emits this once the server stopped taking requests and those in flight ended.
	process.once('sveltekit:shutdown', () => {
		void closeGradingPool();
		void closeSheetsPool();
		// SQLite: checkpoint and close happen at once (no await before them), before the process exits.
		void closeAppDatabase();
	});
};

const handleLocale: Handle = ({ event, resolve }) =>
	withRequestLocale(event.request, event.url.origin, (locale) =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) })
	);

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
	preloadLast(response, errorPagePreload());
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

export const handle = sequence(handleLocale, handleSession);
