import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam } from '$lib/server/auth/guard';
import { getPhoto, readPhotoFile } from '$lib/server/portfolios/photos';
import { getTeam } from '$lib/server/projects/teams';
import { maySeeTeamWork } from '$lib/server/projects/access';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

// Photos are never in a served folder: each request is checked. Anyone may see a showcased
// project's photos (while its consents stand); otherwise only the team and its teachers.
export const GET: RequestHandler = async (event) => {
	const db = database();
	const photo = await getPhoto(db, idParam(event.params.id));
	const hidden = () => error(404, { message: m.error_not_found() });
	if (!photo) hidden();
	const team = (await getTeam(db, photo!.team_id))!;
	const allowed = await maySeeTeamWork(db, event.locals.user, team, { showcase: true });
	if (!allowed) hidden();
	const size = event.url.searchParams.get('size') === 'thumb' ? 'thumb' : 'full';
	const bytes = await readPhotoFile(photo!.stored_name, size);
	if (!bytes) hidden();
	return new Response(new Uint8Array(bytes!), {
		headers: {
			'Content-Type': 'image/webp',
			'Content-Length': String(bytes!.length),
			// private: a withdrawn consent must not leave copies in shared caches
			'Cache-Control': 'private, max-age=300',
			'Content-Disposition': 'inline'
		}
	});
};
