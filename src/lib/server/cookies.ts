// A cookie's value read straight from a Cookie header, for the code that answers before SvelteKit
// (whose `event.cookies` is not there yet): the autosave's fast path and its language.

/** The value of cookie `name` in a Cookie header, as sent (not decoded); undefined when absent. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
	const prefix = name + '=';
	return header
		?.split(';')
		.map((c) => c.trim())
		.find((c) => c.startsWith(prefix))
		?.slice(prefix.length);
}
