// Reports of the Content-Security-Policy's violations (svelte.config.js): browsers POST them to
// /csp-report. Each becomes one log line; a body that is not a report is ignored. The lines name the
// page's path only (no query string), and a flood is cut to a few lines a minute.

/** Bodies larger than this are not read: a real report is well under 4 KB. */
export const MAX_REPORT_BYTES = 16 * 1024;
const LINES_PER_MINUTE = 30;

interface Violation {
	page: string;
	directive: string;
	blocked: string;
	source: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field as plain, short, one-line text (a report is sent by anyone: no forged log lines). */
function clean(value: unknown, max = 120): string {
	if (typeof value !== 'string' && typeof value !== 'number') return '';
	let text = '';
	for (const ch of String(value)) text += ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? ' ' : ch;
	return text.trim().slice(0, max);
}

/**
 * A URL without query or fragment (with its host when `withHost`: what was blocked), a scheme
 * (`data:`), or the keyword browsers use ('inline', 'eval', …).
 */
function where(value: unknown, withHost = false): string {
	const text = clean(value, 500);
	try {
		const url = new URL(text);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return clean(url.protocol);
		return clean(withHost ? url.origin + url.pathname : url.pathname);
	} catch {
		return clean(text.split(/[?#]/)[0]);
	}
}

function violationOf(r: Json): Violation | null {
	// report-uri: {"csp-report": {...kebab-case}}; Reporting API: [{type, body: {...camelCase}}]
	const directive = clean(
		r['effective-directive'] ?? r.effectiveDirective ?? r['violated-directive']
	);
	if (!directive) return null;
	const line = clean(r['line-number'] ?? r.lineNumber, 10);
	const file = where(r['source-file'] ?? r.sourceFile);
	return {
		page: where(r['document-uri'] ?? r.documentURL),
		directive,
		blocked: where(r['blocked-uri'] ?? r.blockedURL, true) || 'inline',
		source: file ? `${file}${line ? `:${line}` : ''}` : ''
	};
}

/** The violations a report body holds (none when it is not a report). */
export function parseCspReport(body: string): Violation[] {
	let data: unknown;
	try {
		data = JSON.parse(body);
	} catch {
		return [];
	}
	const reports = Array.isArray(data) ? data.slice(0, 10) : [data];
	const found: Violation[] = [];
	for (const r of reports) {
		if (!isObject(r)) continue;
		const inner = isObject(r['csp-report']) ? r['csp-report'] : isObject(r.body) ? r.body : null;
		const v = inner && violationOf(inner);
		if (v) found.push(v);
	}
	return found;
}

export function describeViolation(v: Violation): string {
	const source = v.source ? ` (${v.source})` : '';
	return `CSP violation on ${v.page || '?'}: ${v.directive} blocked ${v.blocked}${source}`;
}

/** The body as text, or null past MAX_REPORT_BYTES (read no further) or when it cannot be read. */
export async function readReport(request: Request): Promise<string | null> {
	if (Number(request.headers.get('content-length') ?? 0) > MAX_REPORT_BYTES) return null;
	const reader = request.body?.getReader();
	if (!reader) return null;
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > MAX_REPORT_BYTES) {
				await reader.cancel();
				return null;
			}
			chunks.push(value);
		}
	} catch {
		return null;
	}
	return Buffer.concat(chunks).toString('utf8');
}

let windowStart = 0;
let linesInWindow = 0;

/** Logs each violation of a report as one line, at most LINES_PER_MINUTE lines a minute. */
export function logCspReport(body: string, log = console.warn, now = Date.now()): number {
	if (now - windowStart > 60_000) {
		windowStart = now;
		linesInWindow = 0;
	}
	let logged = 0;
	for (const v of parseCspReport(body)) {
		if (linesInWindow >= LINES_PER_MINUTE) break;
		linesInWindow++;
		logged++;
		log(describeViolation(v));
	}
	return logged;
}
