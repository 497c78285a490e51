// Whether the browser believes it is online, kept up to date for the pages (banner, "as last seen").
export const network = $state({ online: true });

let listening = false;

/** Starts following the browser's online/offline events (once per page). */
export function followNetwork() {
	if (listening || typeof window === 'undefined') return;
	listening = true;
	network.online = navigator.onLine;
	window.addEventListener('online', () => (network.online = true));
	window.addEventListener('offline', () => (network.online = false));
}

/** Asks the service worker (when there is one) to do something: keep pages, forget them. */
export async function tellServiceWorker(
	message: { type: 'keep'; urls: string[] } | { type: 'forget' }
) {
	if (!('serviceWorker' in navigator)) return;
	if (message.type === 'forget') {
		// At once, to the worker that controls this page (a signing-out page has no time to wait): one
		// that becomes ready later kept nothing for this user, and must not erase what the next one keeps.
		navigator.serviceWorker.controller?.postMessage(message);
		return;
	}
	try {
		const registration = await navigator.serviceWorker.ready;
		registration.active?.postMessage(message);
	} catch {
		// no service worker (an insecure address): nothing is kept offline
	}
}
