// The language of each request (the cookie, else Vietnamese), where Paraglide's messages find it on
// the server. Not Paraglide's middleware: with no locale in the URL it only copies every request (an
// autosave's cost grew by a fifth), so the store is set here directly, for SvelteKit's requests
// (hooks.server.ts) and the autosave's fast path (fast-autosave.ts) alike.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	baseLocale,
	cookieName,
	extractLocaleFromRequest,
	isLocale,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime';
import { cookieValue } from './cookies';

const locales = new AsyncLocalStorage<{
	locale?: Locale;
	origin?: string;
	messageCalls?: Set<string>;
}>();
overwriteServerAsyncLocalStorage(locales);

/** Runs `fn` in the language of a request (Paraglide's strategy: the cookie, else Vietnamese). */
export function withRequestLocale<T>(request: Request, origin: string, fn: (l: Locale) => T): T {
	return withLocale(extractLocaleFromRequest(request), origin, fn);
}

/** Runs `fn` with `locale` as the language of Paraglide's messages. */
export function withLocale<T>(locale: Locale, origin: string, fn: (l: Locale) => T): T {
	return locales.run({ locale, origin, messageCalls: new Set<string>() }, () => fn(locale));
}

/** The language a Cookie header chooses, as Paraglide's cookie strategy reads it; else Vietnamese. */
export function localeOfCookies(header: string | undefined): Locale {
	const value = cookieValue(header, cookieName);
	return value && isLocale(value) ? value : baseLocale;
}
