import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam } from '$lib/server/auth/guard';
import { FILE_TYPES, getFile, readStoredFile } from '$lib/server/portfolios/files';
import { getTeam } from '$lib/server/projects/teams';
import { maySeeTeamWork } from '$lib/server/projects/access';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

// Portfolio files: only the team and its teachers, always as a download (never rendered by the browser).
export const GET: RequestHandler = async (event) => {
	const db = database();
	const hidden = () => error(404, { message: m.error_not_found() });
	const file = await getFile(db, idParam(event.params.id));
	if (!file) hidden();
	const team = (await getTeam(db, file!.team_id))!;
	const allowed = await maySeeTeamWork(db, event.locals.user, team, { showcase: false });
	if (!allowed) hidden();
	const bytes = await readStoredFile(file!.stored_name);
	if (!bytes) hidden();
	return new Response(new Uint8Array(bytes!), {
		headers: {
			'Content-Type': FILE_TYPES[file!.kind],
			'Content-Length': String(bytes!.length),
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file!.name)}`,
			'Cache-Control': 'private, no-store'
		}
	});
};
