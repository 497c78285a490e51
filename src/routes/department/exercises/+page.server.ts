import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import * as sharing from '$lib/server/exercises/sharing';
import { actorOf } from '$lib/server/audit/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'department');
	return { requests: await sharing.shareRequests(database()) };
};

async function decide(event: Parameters<Actions[string]>[0], decision: 'accept' | 'return') {
	requireRole(event, 'department');
	const form = await event.request.formData();
	const id = Number(form.get('exerciseId'));
	const title = String(form.get('title') ?? '').slice(0, 200);
	const comment = String(form.get('comment') ?? '').slice(0, 4000);
	const db = database();
	const r = await db
		.transaction()
		.execute((tx) => sharing.decideSharing(tx, actorOf(event), id, decision, comment));
	if (!r.ok) return fail(400, { exerciseId: id, error: r.error });
	return { decided: decision, title };
}

export const actions: Actions = {
	accept: (event) => decide(event, 'accept'),
	return: (event) => decide(event, 'return')
};
