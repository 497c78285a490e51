// The autosave, answered before SvelteKit. In a lab hour every pupil's workspace is saved every few
// seconds: most of the server's requests, and 1.8 ms of CPU each, most of it SvelteKit turning Node's
// request into a web Request and its Response back (npm run bench:load, BENCH_ONLY=cost). A request
// that plainly is a pupil's autosave — POST /learn/exercises/<id>/save, JSON, the session of an
// enabled pupil account not due for renewal — is answered here by the same domain function as the
// route (work.autosave), with the same answers, in the pupil's language. Anything else goes on to
// SvelteKit untouched (its body unread): no session, another role, a session to renew, a password
// to choose. scripts/serve.js calls the function hooks.server.ts registers at start-up.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isHttpError } from '@sveltejs/kit';
import { MAX_WORKSPACE_BYTES } from '$lib/blockly/workspace';
import { m } from '$lib/paraglide/messages';
import { database, type Conn } from './db';
import * as auth from './auth/session';
import * as work from './exercises/work';
import { cookieValue } from './cookies';
import { localeOfCookies, withLocale } from './locale';

/** Where scripts/serve.js finds the registered fast path. */
export const FAST_AUTOSAVE = Symbol.for('mam-stem.fast-autosave');

export type FastPath = (req: IncomingMessage, res: ServerResponse, rest: () => void) => void;

const SAVE_PATH = /^\/learn\/exercises\/([1-9]\d{0,14})\/save$/;
/** The workspace's text (escaped inside the JSON: up to twice its size) and the version. */
const MAX_BODY = 2 * MAX_WORKSPACE_BYTES + 1024;

/** Makes this server's fast path known to scripts/serve.js (once per process, at start-up). */
export function registerFastAutosave(): void {
	const fast: FastPath = (req, res, rest) => void fastAutosave(database(), req, res, rest);
	(globalThis as Record<symbol, unknown>)[FAST_AUTOSAVE] = fast;
}

/** Answers the request if it is a pupil's plain autosave; otherwise calls `rest` (SvelteKit). */
export async function fastAutosave(
	db: Conn,
	req: IncomingMessage,
	res: ServerResponse,
	rest: () => void
): Promise<void> {
	const match = req.method === 'POST' ? SAVE_PATH.exec(req.url ?? '') : null;
	const json = req.headers['content-type']?.toLowerCase().startsWith('application/json');
	const token = match && json ? cookieValue(req.headers.cookie, auth.SESSION_COOKIE) : undefined;
	const user = token ? await auth.peekSession(db, token).catch(() => null) : null;
	if (!match || !user || user.role !== 'student' || user.mustChangePassword) return rest();
	const locale = localeOfCookies(req.headers.cookie);
	await withLocale(locale, '', async () => {
		try {
			const body = await readBody(req);
			if (body === 'too_large') return send(res, 400, { refused: 'too_large' }, true);
			const answer = await work.autosave(db, user, Number(match[1]), parseJson(body));
			send(res, answer.status, answer.body);
		} catch (e) {
			if (isHttpError(e)) return send(res, e.status, e.body);
			if (req.destroyed) return; // the pupil's device went away mid-request
			console.error('Mầm STEM: autosave failed:', e);
			send(res, 500, { message: m.error_generic() });
		}
	});
}

/** The body as text, or 'too_large' as soon as it passes MAX_BODY (the rest is then dropped). */
function readBody(req: IncomingMessage): Promise<string | 'too_large'> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const onData = (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY) return void chunks.push(chunk);
			req.off('data', onData);
			req.resume();
			resolve('too_large');
		};
		req.on('data', onData);
		req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.once('error', reject);
	});
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** JSON with the headers every answer of the app carries (hooks.server.ts). */
function send(res: ServerResponse, status: number, body: unknown, close = false): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'same-origin',
		'x-frame-options': 'DENY',
		...(close ? { connection: 'close' } : {})
	});
	res.end(text);
}
