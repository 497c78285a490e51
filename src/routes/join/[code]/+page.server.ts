import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findClassByJoinCode } from '$lib/server/classes/classes';
import { listRoster } from '$lib/server/classes/pupils';
import { notFound } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

// Reached by typing the class code or scanning the QR code on a login card.
export const load: PageServerLoad = async ({ params, locals }) => {
	if (locals.user?.role === 'student') redirect(303, '/learn');
	const db = database();
	const cls = await findClassByJoinCode(db, params.code);
	if (!cls) notFound();
	if (cls.joinCode !== params.code) redirect(303, `/join/${cls.joinCode}`);
	// Names only: nothing else about the children is shown before they sign in.
	const pupils = (await listRoster(db, cls.id)).map((p) => ({ id: p.id, fullName: p.fullName }));
	return { cls: { name: cls.name, schoolName: cls.schoolName, code: cls.joinCode }, pupils };
};
