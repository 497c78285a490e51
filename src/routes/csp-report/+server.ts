import { logCspReport, readReport } from '$lib/server/security/csp-report';
import type { RequestHandler } from './$types';

// Browsers send the Content-Security-Policy's violation reports here (report-uri in svelte.config.js).
// Always 204: a report is a courtesy, and a bad or oversized body is simply not logged.
export const POST: RequestHandler = async ({ request }) => {
	const body = await readReport(request);
	if (body) logCspReport(body);
	return new Response(null, { status: 204 });
};
