/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Mầm STEM's service worker (SvelteKit's own support). It keeps on the device:
// - the app shell: every built script and style (Blockly among them) and the static files, on install;
// - the pupil's pages (/learn/…): each page and its data as last fetched (network first, the kept copy
//   without a network), and the open exercises the pupil's home page asks for ("keep").
// Other pages need the network; without it a navigation gets a short page saying so.
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const PAGES = `pages-${version}`; // the pages name this build's scripts, so they go with it
const ASSETS = new Set([...build, ...files]);
const DATA = '/__data.json';

/**
 * Keeps every asset it can, each on its own, trying a failed one once more: on a weak link one lost
 * download must not leave the device with no offline support at all (all-or-nothing addAll did). An
 * asset still missing is kept the first time a page asks for it (cacheFirst).
 */
async function keepShell() {
	const cache = await caches.open(SHELL);
	let missing = [...ASSETS];
	for (let round = 0; round < 2 && missing.length; round++) {
		const results = await Promise.allSettled(missing.map((path) => cache.add(path)));
		missing = missing.filter((_, i) => results[i].status === 'rejected');
	}
}

sw.addEventListener('install', (event) => {
	event.waitUntil(keepShell().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key !== SHELL && key !== PAGES) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

const isPupilPath = (path: string) => path === '/learn' || path.startsWith('/learn/');

/** A data request that asks for every part of the page (a full copy, good for any later request). */
function isFullData(url: URL) {
	const invalidated = url.searchParams.get('x-sveltekit-invalidated');
	return !invalidated || /^1*$/.test(invalidated);
}

function keyOf(url: URL) {
	return url.pathname.endsWith(DATA) && !isFullData(url) ? url.href : url.origin + url.pathname;
}

async function networkFirst(event: FetchEvent, url: URL): Promise<Response> {
	const request = event.request;
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		if (response.ok && !response.redirected && response.type === 'basic') {
			await cache.put(keyOf(url), response.clone());
			// A page opened by a tap fetches only (part of) its data: keep the page and its full data
			// too, once, so that it also opens without a network (a reload, a tablet closed and reopened).
			if (url.pathname.endsWith(DATA)) event.waitUntil(keep([url.pathname.slice(0, -DATA.length)]));
		}
		return response;
	} catch {
		const kept = (await cache.match(url.origin + url.pathname)) ?? (await cache.match(url.href));
		if (kept) return kept;
		return request.mode === 'navigate' ? offlinePage() : Response.error();
	}
}

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(SHELL);
	const kept = await cache.match(request.url);
	if (kept) return kept;
	const response = await fetch(request);
	if (response.ok) await cache.put(request.url, response.clone());
	return response;
}

function offlinePage() {
	const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Không có mạng · Mầm STEM</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d2521;line-height:1.5}a{color:#135c37}</style></head><body><h1>Không có mạng</h1><p>Trang này chưa được lưu trên máy. Hãy thử lại khi có mạng. Những gì bạn đã nhập trên trang trước vẫn còn: hãy quay lại trang trước.</p><p lang="en">No network. This page is not kept on this device; try again when the network is back. Go back to the previous page to find what you typed.</p><p><a href="javascript:history.back()">← Quay lại · Back</a></p></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
	});
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (ASSETS.has(url.pathname)) {
		event.respondWith(cacheFirst(request));
		return;
	}
	const page = url.pathname.endsWith(DATA) ? url.pathname.slice(0, -DATA.length) : url.pathname;
	if (isPupilPath(page) && (request.mode === 'navigate' || url.pathname.endsWith(DATA))) {
		event.respondWith(networkFirst(event, url));
		return;
	}
	if (request.mode === 'navigate') event.respondWith(fetch(request).catch(() => offlinePage()));
});

/** Fetches the pages (and their data) not kept yet; stops at the first network failure. */
async function keep(paths: unknown[]) {
	const cache = await caches.open(PAGES);
	for (const path of paths) {
		if (typeof path !== 'string' || !isPupilPath(path)) continue;
		for (const href of [path, path + DATA]) {
			const key = new URL(href, sw.location.origin).href;
			if (await cache.match(key)) continue;
			try {
				const response = await fetch(key, { credentials: 'same-origin' });
				if (response.ok && !response.redirected) await cache.put(key, response);
			} catch {
				return;
			}
		}
	}
}

sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; urls?: unknown };
	if (data?.type === 'keep' && Array.isArray(data.urls)) event.waitUntil(keep(data.urls));
	if (data?.type === 'forget') event.waitUntil(caches.delete(PAGES));
});
