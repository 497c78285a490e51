import { json } from '@sveltejs/kit';
import { requirePupilTeam } from '$lib/server/projects/guard';
import { readUploadForm, uploadPhoto } from '$lib/server/portfolios/upload';
import { projectError } from '$lib/projects/messages';
import type { RequestHandler } from './$types';

// The page's script posts photos here (downscaled, retried on network errors); a refusal is a 400
// with a message in the pupil's language, which the script shows and does not retry (a 413 when the
// body is past the server's limit).
export const POST: RequestHandler = async (event) => {
	const { user, db, team } = await requirePupilTeam(event);
	const read = await readUploadForm(event.request);
	if (!read.ok) {
		const status = read.error === 'too_big' ? 413 : 400;
		return json({ error: read.error, message: projectError(read.error) }, { status });
	}
	const form = read.form;
	const r = await uploadPhoto(db, team, user.id, {
		stepKey: String(form.get('stepKey') ?? ''),
		file: form.get('photo'),
		clientKey: String(form.get('clientKey') ?? '') || null,
		caption: String(form.get('caption') ?? '')
	});
	if (!r.ok) return json({ error: r.error, message: projectError(r.error) }, { status: 400 });
	return json({ id: r.id });
};
