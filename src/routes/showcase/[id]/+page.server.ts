import { database } from '$lib/server/db';
import { idParam, notFound } from '$lib/server/auth/guard';
import * as showcase from '$lib/server/projects/showcase';
import { listSteps } from '$lib/server/assignments/assignments';
import { firstName, getTeam } from '$lib/server/projects/teams';
import type { PageServerLoad } from './$types';

// The public page of a project: its steps' entries and photos, the school, the class, first names.
// Nothing else about the pupils leaves the server.
export const load: PageServerLoad = async (event) => {
	const db = database();
	const teamId = idParam(event.params.id);
	const project = await showcase.getPublic(db, teamId);
	if (!project) notFound();
	const team = (await getTeam(db, teamId))!;
	const names = new Map(team.members.map((x) => [x.id, firstName(x.fullName)]));
	const [steps, { entries, photos }] = await Promise.all([
		listSteps(db, team.assignmentId),
		showcase.publicContent(db, teamId)
	]);
	return {
		project,
		steps: steps.map((s) => ({
			key: s.key,
			label: s.label,
			entries: entries
				.filter((e) => e.step_key === s.key)
				.map((e) => ({ id: e.id, html: e.body_html, author: names.get(e.author_id) ?? '' })),
			photos: photos
				.filter((p) => p.step_key === s.key)
				.map((p) => ({ id: p.id, caption: p.caption, author: names.get(p.author_id) ?? '' }))
		}))
	};
};
