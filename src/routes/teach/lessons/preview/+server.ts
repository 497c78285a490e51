import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { renderMarkdown } from '$lib/server/curriculum/render';
import { LIMITS } from '$lib/curriculum/lesson';
import type { RequestHandler } from './$types';

/** The editor's live preview: the same server renderer as the lesson page. */
export const POST: RequestHandler = async (event) => {
	requireRole(event, 'teacher', 'department');
	let text: unknown;
	try {
		({ text } = await event.request.json());
	} catch {
		error(400, 'bad request');
	}
	const source = typeof text === 'string' ? text : '';
	if (source.length > LIMITS.long) return json({ html: '', tooLong: true });
	return json({ html: renderMarkdown(source) });
};
