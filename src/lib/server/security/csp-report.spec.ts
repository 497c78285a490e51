import { describe, expect, it } from 'vitest';
import { logCspReport, MAX_REPORT_BYTES, parseCspReport, readReport } from './csp-report';

const legacy = JSON.stringify({
	'csp-report': {
		'document-uri': 'http://localhost:3000/learn/exercises/3?token=abc#x',
		'violated-directive': 'script-src-elem',
		'effective-directive': 'script-src-elem',
		'blocked-uri': 'inline',
		'source-file': 'http://localhost:3000/_app/immutable/entry/start.js',
		'line-number': 12
	}
});

describe('CSP reports', () => {
	it('reads a report-uri report, naming the page by its path only', () => {
		expect(parseCspReport(legacy)).toEqual([
			{
				page: '/learn/exercises/3',
				directive: 'script-src-elem',
				blocked: 'inline',
				source: '/_app/immutable/entry/start.js:12'
			}
		]);
	});

	it('reads the Reporting API’s list of reports', () => {
		const body = JSON.stringify([
			{
				type: 'csp-violation',
				body: {
					documentURL: 'https://stem.langson.edu.vn/teach',
					effectiveDirective: 'img-src',
					blockedURL: 'https://evil.example/x.png'
				}
			}
		]);
		expect(parseCspReport(body)).toEqual([
			{ page: '/teach', directive: 'img-src', blocked: 'https://evil.example/x.png', source: '' }
		]);
	});

	it('ignores bodies that are not reports, and never throws', () => {
		for (const body of ['', 'not json', 'null', '42', '[1,2]', '{"csp-report": "x"}', '{}'])
			expect(parseCspReport(body), body).toEqual([]);
	});

	it('logs one line per violation, with no line breaks from the sender', () => {
		const lines: string[] = [];
		const forged = JSON.stringify({
			'csp-report': {
				'document-uri': 'http://localhost/a',
				'effective-directive': 'style-src\nFAKE admin signed in'
			}
		});
		logCspReport(legacy, (l) => lines.push(l), 1_000);
		logCspReport(forged, (l) => lines.push(l), 1_001);
		expect(lines).toEqual([
			'CSP violation on /learn/exercises/3: script-src-elem blocked inline (/_app/immutable/entry/start.js:12)',
			'CSP violation on /a: style-src FAKE admin signed in blocked inline'
		]);
	});

	it('logs at most 30 lines a minute', () => {
		const lines: string[] = [];
		for (let i = 0; i < 50; i++) logCspReport(legacy, (l) => lines.push(l), 10_000_000 + i);
		expect(lines).toHaveLength(30);
		logCspReport(legacy, (l) => lines.push(l), 10_000_000 + 61_000);
		expect(lines).toHaveLength(31);
	});

	it('reads a body up to the limit and no further', async () => {
		const post = (body: string) => new Request('http://x/csp-report', { method: 'POST', body });
		expect(await readReport(post(legacy))).toBe(legacy);
		expect(await readReport(post('x'.repeat(MAX_REPORT_BYTES + 1)))).toBeNull();
	});
});
