// A team's portfolio: per step, Markdown entries (with their author), photos, each pupil's reflection;
// and the team's submissions of a step or of the whole project.
import type { Conn } from '../db';
import { markdownToHtml } from '../markdown';
import { listSteps } from '../assignments/assignments';

export const MAX_ENTRY = 20_000;
export const MAX_REFLECTION = 3_000;

export type EntryError = 'required' | 'too_long' | 'step' | 'closed';

async function hasStep(db: Conn, assignmentId: number, stepKey: string) {
	return (await listSteps(db, assignmentId)).some((s) => s.key === stepKey);
}

async function isClosed(db: Conn, assignmentId: number) {
	const a = await db
		.selectFrom('assignments')
		.select('closed_at')
		.where('id', '=', assignmentId)
		.executeTakeFirst();
	return !a || a.closed_at !== null;
}

/** Checks that pupils may still change this team's step: the step exists and the project is open. */
export async function checkWritable(
	db: Conn,
	team: { assignmentId: number },
	stepKey: string | null
): Promise<EntryError | null> {
	if (await isClosed(db, team.assignmentId)) return 'closed';
	if (stepKey !== null && !(await hasStep(db, team.assignmentId, stepKey))) return 'step';
	return null;
}

export async function addEntry(
	db: Conn,
	team: { id: number; assignmentId: number },
	stepKey: string,
	authorId: number,
	body: string,
	now = Date.now()
): Promise<{ ok: true; id: number } | { ok: false; error: EntryError }> {
	const md = String(body ?? '')
		.normalize('NFC')
		.replace(/\r\n/g, '\n')
		.trim();
	if (!md) return { ok: false, error: 'required' };
	if (md.length > MAX_ENTRY) return { ok: false, error: 'too_long' };
	const bad = await checkWritable(db, team, stepKey);
	if (bad) return { ok: false, error: bad };
	const row = await db
		.insertInto('portfolio_entries')
		.values({
			team_id: team.id,
			step_key: stepKey,
			author_id: authorId,
			body_md: md,
			body_html: markdownToHtml(md, 'pupil'),
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { ok: true, id: row.id };
}

export async function saveReflection(
	db: Conn,
	team: { id: number; assignmentId: number },
	stepKey: string,
	pupilId: number,
	body: string,
	now = Date.now()
): Promise<{ ok: true } | { ok: false; error: EntryError }> {
	const text = String(body ?? '')
		.normalize('NFC')
		.trim();
	if (!text) return { ok: false, error: 'required' };
	if (text.length > MAX_REFLECTION) return { ok: false, error: 'too_long' };
	const bad = await checkWritable(db, team, stepKey);
	if (bad) return { ok: false, error: bad };
	await db
		.insertInto('reflections')
		.values({ team_id: team.id, step_key: stepKey, pupil_id: pupilId, body: text, updated_at: now })
		.onConflict((oc) =>
			oc.columns(['team_id', 'step_key', 'pupil_id']).doUpdateSet({ body: text, updated_at: now })
		)
		.execute();
	return { ok: true };
}

/** Hands in a step (stepKey) or the whole project (null) for review. */
export async function submit(
	db: Conn,
	team: { id: number; assignmentId: number },
	stepKey: string | null,
	by: number,
	now = Date.now()
): Promise<{ ok: true } | { ok: false; error: EntryError }> {
	const bad = await checkWritable(db, team, stepKey);
	if (bad) return { ok: false, error: bad };
	await db
		.insertInto('submissions')
		.values({ team_id: team.id, step_key: stepKey, submitted_by: by, submitted_at: now })
		.execute();
	return { ok: true };
}

/** The steps with nothing in them yet (no entry, photo, file or reflection), in the project's order. */
export async function emptySteps(
	db: Conn,
	team: { id: number; assignmentId: number }
): Promise<{ key: string; label: string }[]> {
	const { steps } = await loadPortfolio(db, team);
	return steps
		.filter(
			(s) => !s.entries.length && !s.photos.length && !s.files.length && !s.reflections.length
		)
		.map((s) => ({ key: s.key, label: s.label }));
}

export interface PortfolioStep {
	key: string;
	label: string;
	entries: { id: number; authorId: number; authorName: string; html: string; createdAt: number }[];
	photos: { id: number; authorName: string; caption: string; width: number; height: number }[];
	files: { id: number; authorName: string; name: string; bytes: number }[];
	reflections: { pupilId: number; pupilName: string; body: string }[];
	submittedAt: number | null;
}

export async function loadPortfolio(
	db: Conn,
	team: { id: number; assignmentId: number }
): Promise<{
	steps: PortfolioStep[];
	submissions: { stepKey: string | null; at: number; by: string }[];
}> {
	const [steps, entries, photos, files, reflections, subs] = await Promise.all([
		listSteps(db, team.assignmentId),
		db
			.selectFrom('portfolio_entries')
			.innerJoin('users', 'users.id', 'portfolio_entries.author_id')
			.select([
				'portfolio_entries.id',
				'step_key',
				'author_id',
				'users.full_name',
				'body_html',
				'portfolio_entries.created_at'
			])
			.where('team_id', '=', team.id)
			.orderBy('portfolio_entries.id')
			.execute(),
		db
			.selectFrom('portfolio_photos')
			.innerJoin('users', 'users.id', 'portfolio_photos.author_id')
			.select(['portfolio_photos.id', 'step_key', 'users.full_name', 'caption', 'width', 'height'])
			.where('team_id', '=', team.id)
			.orderBy('portfolio_photos.id')
			.execute(),
		db
			.selectFrom('portfolio_files')
			.innerJoin('users', 'users.id', 'portfolio_files.author_id')
			.select(['portfolio_files.id', 'step_key', 'users.full_name', 'name', 'bytes'])
			.where('team_id', '=', team.id)
			.orderBy('portfolio_files.id')
			.execute(),
		db
			.selectFrom('reflections')
			.innerJoin('users', 'users.id', 'reflections.pupil_id')
			.select(['step_key', 'pupil_id', 'users.full_name', 'body'])
			.where('team_id', '=', team.id)
			.execute(),
		db
			.selectFrom('submissions')
			.innerJoin('users', 'users.id', 'submissions.submitted_by')
			.select(['step_key', 'submitted_at', 'users.full_name'])
			.where('team_id', '=', team.id)
			.orderBy('submitted_at')
			.execute()
	]);
	return {
		steps: steps.map((s) => ({
			key: s.key,
			label: s.label,
			entries: entries
				.filter((e) => e.step_key === s.key)
				.map((e) => ({
					id: e.id,
					authorId: e.author_id,
					authorName: e.full_name,
					html: e.body_html,
					createdAt: e.created_at
				})),
			photos: photos
				.filter((p) => p.step_key === s.key)
				.map((p) => ({
					id: p.id,
					authorName: p.full_name,
					caption: p.caption,
					width: p.width,
					height: p.height
				})),
			files: files
				.filter((f) => f.step_key === s.key)
				.map((f) => ({ id: f.id, authorName: f.full_name, name: f.name, bytes: f.bytes })),
			reflections: reflections
				.filter((r) => r.step_key === s.key)
				.map((r) => ({ pupilId: r.pupil_id, pupilName: r.full_name, body: r.body })),
			submittedAt: subs.filter((x) => x.step_key === s.key).at(-1)?.submitted_at ?? null
		})),
		submissions: subs.map((x) => ({ stepKey: x.step_key, at: x.submitted_at, by: x.full_name }))
	};
}
