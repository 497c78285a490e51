import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findClassByJoinCode } from '$lib/server/classes/classes';
import { getPupilInClass } from '$lib/server/classes/pupils';
import { signInPupil } from '$lib/server/auth/signin';
import * as auth from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { idParam, notFound } from '$lib/server/auth/guard';
import { PICTURES } from '$lib/secrets';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

async function pupilOf(params: { code: string; pupil: string }) {
	const db = database();
	const cls = await findClassByJoinCode(db, params.code);
	if (!cls) notFound();
	const pupil = await getPupilInClass(db, cls.id, idParam(params.pupil));
	if (!pupil) notFound();
	return { db, cls, pupil };
}

export const load: PageServerLoad = async ({ params, locals }) => {
	if (locals.user?.role === 'student') redirect(303, '/learn');
	const { cls, pupil } = await pupilOf(params);
	return {
		cls: { name: cls.name, code: cls.joinCode },
		pupil: { id: pupil.id, fullName: pupil.fullName },
		kind: pupil.secretKind,
		pictures: PICTURES
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { db, cls, pupil } = await pupilOf(event.params);
		const form = await event.request.formData();
		const answer =
			pupil.secretKind === 'pictures'
				? form.getAll('picture').map(String).slice(0, 9)
				: [
						String(form.get('word1') ?? '').slice(0, 60),
						String(form.get('word2') ?? '').slice(0, 60)
					];
		const result = await signInPupil(db, {
			pupilId: pupil.id,
			classId: cls.id,
			answer,
			address: event.getClientAddress()
		});
		if (!result.ok && result.reason === 'locked') {
			const minutes = Math.max(1, Math.ceil((result.until - Date.now()) / 60000));
			return fail(429, { message: m.join_locked({ minutes }) });
		}
		if (!result.ok)
			return fail(400, {
				message: pupil.secretKind === 'pictures' ? m.join_wrong_pictures() : m.join_wrong_words()
			});
		const token = auth.generateSessionToken();
		const session = await auth.createSession(db, token, pupil.id);
		setSessionCookie(event, token, session.expiresAt);
		redirect(303, '/learn');
	}
};
