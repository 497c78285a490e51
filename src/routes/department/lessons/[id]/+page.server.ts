import { fail, redirect } from '@sveltejs/kit';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import { renderLesson } from '$lib/server/curriculum/view';
import { actorOf } from '$lib/server/audit/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'department');
	const db = database();
	const lesson = await lessons.getVisibleLesson(db, idParam(event.params.id), user);
	if (!lesson) notFound();
	const { content, ...meta } = lesson;
	return {
		meta,
		content,
		html: renderLesson(content),
		reviews: await lessons.listReviews(db, lesson.id)
	};
};

async function decide(event: Parameters<Actions[string]>[0], decision: 'approve' | 'return') {
	const user = requireRole(event, 'department');
	const form = await event.request.formData();
	const comment = String(form.get('comment') ?? '').slice(0, 5000);
	const db = database();
	const r = await db
		.transaction()
		.execute((tx) =>
			lessons.reviewLesson(
				tx,
				{ ...user, address: actorOf(event).address },
				idParam(event.params.id),
				decision,
				comment
			)
		);
	if (!r.ok) return fail(400, { comment, error: r.error });
	// A lesson sent back is its author's draft again, which the department no longer sees.
	if (decision === 'return') redirect(303, '/department/lessons?done=returned');
	return { done: decision };
}

export const actions: Actions = {
	approve: (event) => decide(event, 'approve'),
	return: (event) => decide(event, 'return'),
	archive: async (event) => {
		const user = requireRole(event, 'department');
		const db = database();
		const r = await db
			.transaction()
			.execute((tx) => lessons.archiveLesson(tx, user, idParam(event.params.id)));
		if (!r.ok) return fail(400, { error: r.error });
		return { done: 'archive' as const };
	}
};
