import { requireRole } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import * as search from '$lib/server/curriculum/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'department');
	const db = database();
	const page = Number(event.url.searchParams.get('page')) || 1;
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 200);
	return {
		queue: await lessons.listInReview(db),
		library: await search.searchLibrary(db, { q, page }),
		q,
		returned: event.url.searchParams.get('done') === 'returned'
	};
};
