// Everything held about one pupil, for a family's request to see it (Law 91/2025/QH15): a readable
// pupil.json (keys in English, dates as ISO and as dd/mm/yyyy) and the pupil's photos and files, in a ZIP.
// The sections are those columns.ts names; never the sign-in secret, a password hash or a session.
import { fileSlug } from '$lib/text/normalize';
import type { Conn } from '../db';
import { record, type Actor } from '../audit/log';
import { readPhotoFile } from '../portfolios/photos';
import { readStoredFile } from '../portfolios/files';
import { safeSegment, type ZipEntry } from './zip';

const VIETNAM_MS = 7 * 3600_000;

/** A calendar day both ways: { iso: '2015-03-02', display: '02/03/2015' }. */
export function day(iso: string | null) {
	if (!iso) return null;
	const [y, m, d] = iso.split('-');
	return { iso, display: `${d}/${m}/${y}` };
}

/** A moment both ways: ISO (UTC) and 'dd/mm/yyyy HH:MM' in Vietnam's time. */
export function moment(ms: number | null) {
	if (ms === null || ms === undefined) return null;
	const v = new Date(Number(ms) + VIETNAM_MS).toISOString();
	const display = `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)} ${v.slice(11, 16)}`;
	return { iso: new Date(Number(ms)).toISOString(), display };
}

/** A stored JSON text (a program, a verdict) as an object when it parses, else as it is. */
function parsed(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** A pupil (not erased) the teacher may export: enrolled, now or before, in this class. */
export async function pupilOfClass(db: Conn, classId: number, pupilId: number) {
	if (!Number.isSafeInteger(pupilId)) return undefined;
	return db
		.selectFrom('enrolments as e')
		.innerJoin('users as u', 'u.id', 'e.pupil_id')
		.select(['u.id', 'u.full_name', 'u.school_id'])
		.where('e.class_id', '=', classId)
		.where('e.pupil_id', '=', pupilId)
		.where('u.role', '=', 'student')
		.where('u.erased_at', 'is', null)
		.executeTakeFirst();
}

/** Pupils who left this class (their enrolment in it ended) and are not erased: the teacher may still export them. */
export async function formerPupils(db: Conn, classId: number) {
	const rows = await db
		.selectFrom('enrolments as e')
		.innerJoin('users as u', 'u.id', 'e.pupil_id')
		.select(['u.id', 'u.full_name as fullName', 'e.ended_on as endedOn'])
		.where('e.class_id', '=', classId)
		.where('e.ended_on', 'is not', null)
		.where('u.erased_at', 'is', null)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('enrolments as now')
						.select('now.id')
						.whereRef('now.pupil_id', '=', 'e.pupil_id')
						.where('now.class_id', '=', classId)
						.where('now.ended_on', 'is', null)
				)
			)
		)
		.orderBy('e.ended_on', 'desc')
		.execute();
	const seen = new Set<number>();
	return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

async function identity(db: Conn, pupilId: number) {
	const u = await db
		.selectFrom('users as u')
		.leftJoin('pupil_profiles as p', 'p.user_id', 'u.id')
		.leftJoin('schools as s', 's.id', 'u.school_id')
		.select([
			'u.id',
			'u.full_name',
			'u.username',
			'u.created_at',
			'u.disabled_at',
			'u.erased_at',
			's.name as school',
			'p.gender',
			'p.birth_date',
			'p.ethnicity',
			'p.pupil_code',
			'p.secret_kind'
		])
		.where('u.id', '=', pupilId)
		.executeTakeFirstOrThrow();
	return {
		id: u.id,
		fullName: u.full_name,
		username: u.username,
		school: u.school,
		gender: u.gender,
		birthDate: day(u.birth_date),
		ethnicity: u.ethnicity,
		pupilCode: u.pupil_code,
		signInWith: u.secret_kind === 'words' ? 'two words' : 'two pictures',
		accountCreated: moment(u.created_at),
		disabled: moment(u.disabled_at),
		erased: moment(u.erased_at)
	};
}

async function classes(db: Conn, pupilId: number) {
	const rows = await db
		.selectFrom('enrolments as e')
		.innerJoin('classes as c', 'c.id', 'e.class_id')
		.innerJoin('school_years as y', 'y.id', 'c.school_year_id')
		.innerJoin('schools as s', 's.id', 'c.school_id')
		.select([
			'c.name',
			'c.grade',
			'y.name as year',
			's.name as school',
			'e.started_on',
			'e.ended_on'
		])
		.where('e.pupil_id', '=', pupilId)
		.orderBy('e.started_on')
		.orderBy('e.id')
		.execute();
	return rows.map((r) => ({
		class: r.name,
		grade: r.grade,
		schoolYear: r.year,
		school: r.school,
		from: day(r.started_on),
		until: day(r.ended_on)
	}));
}

async function exerciseAttempts(db: Conn, pupilId: number) {
	const rows = await db
		.selectFrom('exercise_attempts as a')
		.innerJoin('exercises as x', 'x.id', 'a.exercise_id')
		.select([
			'x.title',
			'a.created_at',
			'a.passed',
			'a.stars',
			'a.hints_used',
			'a.time_spent_ms',
			'a.block_count',
			'a.verdict',
			'a.workspace'
		])
		.where('a.pupil_id', '=', pupilId)
		.orderBy('a.created_at')
		.execute();
	return rows.map((r) => ({
		exercise: r.title,
		when: moment(r.created_at),
		passed: r.passed === 1,
		stars: r.stars,
		hintsUsed: r.hints_used,
		secondsSpent: Math.round(Number(r.time_spent_ms) / 1000),
		blocks: r.block_count,
		verdict: parsed(r.verdict),
		program: parsed(r.workspace)
	}));
}

async function savedWork(db: Conn, pupilId: number) {
	const work = await db
		.selectFrom('exercise_work as w')
		.innerJoin('exercises as x', 'x.id', 'w.exercise_id')
		.select(['x.title', 'w.updated_at', 'w.hints_used', 'w.workspace'])
		.where('w.pupil_id', '=', pupilId)
		.orderBy('w.updated_at')
		.execute();
	const hints = await db
		.selectFrom('exercise_hint_views as h')
		.innerJoin('exercises as x', 'x.id', 'h.exercise_id')
		.select(['x.title', 'h.step', 'h.created_at'])
		.where('h.pupil_id', '=', pupilId)
		.orderBy('h.created_at')
		.execute();
	return {
		savedWork: work.map((r) => ({
			exercise: r.title,
			saved: moment(r.updated_at),
			hintsUsed: r.hints_used,
			program: parsed(r.workspace)
		})),
		hintsViewed: hints.map((r) => ({ exercise: r.title, hint: r.step, when: moment(r.created_at) }))
	};
}

/** Free play: the pupil's drawings, their programs and strokes, and whether they were shared or hidden. */
async function drawings(db: Conn, pupilId: number) {
	const rows = await db
		.selectFrom('play_drawings')
		.select(['name', 'workspace', 'segments', 'shared_at', 'hidden_at', 'created_at', 'updated_at'])
		.where('pupil_id', '=', pupilId)
		.orderBy('created_at')
		.execute();
	return rows.map((r) => ({
		name: r.name,
		made: moment(r.created_at),
		saved: moment(r.updated_at),
		sharedWithClass: moment(r.shared_at),
		hiddenByTeacher: moment(r.hidden_at),
		program: parsed(r.workspace),
		strokes: parsed(r.segments)
	}));
}

async function assignments(db: Conn, pupilId: number) {
	const targeted = await db
		.selectFrom('assignment_targets as t')
		.innerJoin('assignments as a', 'a.id', 't.assignment_id')
		.select(['a.id', 'a.title', 'a.due_on'])
		.where('t.pupil_id', '=', pupilId)
		.execute();
	const extended = await db
		.selectFrom('assignment_extensions as x')
		.innerJoin('assignments as a', 'a.id', 'x.assignment_id')
		.select(['a.title', 'x.due_on'])
		.where('x.pupil_id', '=', pupilId)
		.execute();
	return [
		...targeted.map((r) => ({ assignment: r.title, setForThisPupil: true, due: day(r.due_on) })),
		...extended.map((r) => ({ assignment: r.title, extendedTo: day(r.due_on) }))
	];
}

async function teams(db: Conn, pupilId: number) {
	const rows = await db
		.selectFrom('team_members as m')
		.innerJoin('teams as t', 't.id', 'm.team_id')
		.innerJoin('assignments as a', 'a.id', 't.assignment_id')
		.innerJoin('classes as c', 'c.id', 't.class_id')
		.leftJoin('showcase_entries as s', 's.team_id', 't.id')
		.select([
			't.id',
			't.name',
			'a.title',
			'a.due_on',
			'c.name as class',
			's.proposed_at',
			's.featured_at'
		])
		.where('m.pupil_id', '=', pupilId)
		.orderBy('t.id')
		.execute();
	return rows.map((r) => ({
		teamId: r.id,
		team: r.name,
		project: r.title,
		class: r.class,
		due: day(r.due_on),
		proposedForShowcase: moment(r.proposed_at),
		featured: moment(r.featured_at)
	}));
}

async function portfolio(db: Conn, pupilId: number) {
	const entries = await db
		.selectFrom('portfolio_entries')
		.select(['team_id', 'step_key', 'body_md', 'created_at'])
		.where('author_id', '=', pupilId)
		.orderBy('created_at')
		.execute();
	const reflections = await db
		.selectFrom('reflections')
		.select(['team_id', 'step_key', 'body', 'updated_at'])
		.where('pupil_id', '=', pupilId)
		.execute();
	const handIns = await db
		.selectFrom('submissions')
		.select(['team_id', 'step_key', 'submitted_at'])
		.where('submitted_by', '=', pupilId)
		.orderBy('submitted_at')
		.execute();
	return {
		portfolioEntries: entries.map((r) => ({
			teamId: r.team_id,
			step: r.step_key,
			text: r.body_md,
			written: moment(r.created_at)
		})),
		reflections: reflections.map((r) => ({
			teamId: r.team_id,
			step: r.step_key,
			text: r.body,
			updated: moment(r.updated_at)
		})),
		handIns: handIns.map((r) => ({
			teamId: r.team_id,
			step: r.step_key ?? 'whole project',
			handedIn: moment(r.submitted_at)
		}))
	};
}

/** The pupil's photos and files, with where each is in the archive. */
async function uploads(db: Conn, pupilId: number) {
	const photos = await db
		.selectFrom('portfolio_photos')
		.select([
			'id',
			'team_id',
			'step_key',
			'caption',
			'stored_name',
			'width',
			'height',
			'created_at'
		])
		.where('author_id', '=', pupilId)
		.orderBy('id')
		.execute();
	const files = await db
		.selectFrom('portfolio_files')
		.select(['id', 'team_id', 'step_key', 'name', 'kind', 'stored_name', 'bytes', 'created_at'])
		.where('author_id', '=', pupilId)
		.orderBy('id')
		.execute();
	return {
		photos: photos.map((p) => ({
			inArchive: `photos/${p.id}.webp`,
			stored: p.stored_name,
			teamId: p.team_id,
			step: p.step_key,
			caption: p.caption,
			size: `${p.width} × ${p.height}`,
			uploaded: moment(p.created_at)
		})),
		files: files.map((f) => ({
			inArchive: `files/${f.id}-${safeSegment(f.name)}`,
			stored: f.stored_name,
			teamId: f.team_id,
			step: f.step_key,
			name: f.name,
			kind: f.kind,
			bytes: f.bytes,
			uploaded: moment(f.created_at)
		}))
	};
}

async function reviewsReceived(db: Conn, pupilId: number) {
	const reviews = await db
		.selectFrom('reviews as r')
		.innerJoin('team_members as m', 'm.team_id', 'r.team_id')
		.select(['r.id', 'r.team_id', 'r.feedback', 'r.total', 'r.max_total', 'r.returned_at'])
		.where('m.pupil_id', '=', pupilId)
		.orderBy('r.created_at')
		.execute();
	const scores = reviews.length
		? await db
				.selectFrom('review_scores')
				.select(['review_id', 'criterion_title', 'pupil_id', 'points', 'max_points'])
				.where(
					'review_id',
					'in',
					reviews.map((r) => r.id)
				)
				.where((eb) => eb.or([eb('pupil_id', 'is', null), eb('pupil_id', '=', pupilId)]))
				.orderBy('criterion')
				.execute()
		: [];
	return reviews.map((r) => ({
		teamId: r.team_id,
		returned: moment(r.returned_at),
		feedback: r.feedback,
		total: `${r.total}/${r.max_total}`,
		scores: scores
			.filter((s) => s.review_id === r.id)
			.map((s) => ({
				criterion: s.criterion_title,
				points: `${s.points}/${s.max_points}`,
				forThisPupil: s.pupil_id !== null
			}))
	}));
}

async function surveys(db: Conn, pupilId: number) {
	const responses = await db
		.selectFrom('survey_responses as r')
		.innerJoin('survey_windows as w', 'w.id', 'r.window_id')
		.innerJoin('survey_forms as f', 'f.id', 'w.form_id')
		.select(['r.id', 'f.title', 'w.phase', 'r.submitted_at'])
		.where('r.respondent_id', '=', pupilId)
		.orderBy('r.submitted_at')
		.execute();
	const out = [];
	for (const r of responses) {
		const answers = await db
			.selectFrom('survey_answers as a')
			.innerJoin('survey_items as i', 'i.id', 'a.item_id')
			.select(['i.text', 'a.value'])
			.where('a.response_id', '=', r.id)
			.orderBy('i.position')
			.execute();
		const scales = await db
			.selectFrom('survey_scale_scores')
			.select(['scale', 'score'])
			.where('response_id', '=', r.id)
			.execute();
		out.push({
			survey: r.title,
			phase: r.phase === 'pre' ? 'before' : 'after',
			answered: moment(r.submitted_at),
			answers: answers.map((a) => ({ statement: a.text, answer: a.value })),
			scaleScores: Object.fromEntries(scales.map((s) => [s.scale, Number(s.score)]))
		});
	}
	return out;
}

async function consentsAndActivity(db: Conn, pupilId: number) {
	const consents = await db
		.selectFrom('showcase_consents')
		.select(['team_id', 'parent_agreed', 'pupil_agreed', 'recorded_at', 'withdrawn_at'])
		.where('pupil_id', '=', pupilId)
		.orderBy('recorded_at')
		.execute();
	const last = await db
		.selectFrom('progress_pupil_activity')
		.select('last_at')
		.where('pupil_id', '=', pupilId)
		.executeTakeFirst();
	const periods = await db
		.selectFrom('progress_period_activity as a')
		.innerJoin('school_years as y', 'y.id', 'a.school_year_id')
		.select(['y.name', 'a.period', 'a.last_at'])
		.where('a.pupil_id', '=', pupilId)
		.execute();
	return {
		consents: consents.map((c) => ({
			teamId: c.team_id,
			showcase: true,
			parentAgreed: c.parent_agreed === 1,
			pupilAgreed: c.pupil_agreed === 1,
			recorded: moment(c.recorded_at),
			withdrawn: moment(c.withdrawn_at)
		})),
		activity: {
			lastActive: moment(last?.last_at ?? null),
			perPeriod: periods.map((p) => ({
				schoolYear: p.name,
				period: p.period,
				lastActive: moment(p.last_at)
			}))
		}
	};
}

export type PupilData = Awaited<ReturnType<typeof pupilData>>;

/** Everything held about the pupil, as pupil.json holds it. */
export async function pupilData(db: Conn, pupilId: number, now = Date.now()) {
	const work = await savedWork(db, pupilId);
	const files = await uploads(db, pupilId);
	const writing = await portfolio(db, pupilId);
	const rest = await consentsAndActivity(db, pupilId);
	return {
		about:
			'Everything Mầm STEM holds about this pupil (Law 91/2025/QH15). Dates: ISO and dd/mm/yyyy (Vietnam time). The sign-in secret is not included.',
		exported: moment(now),
		identity: await identity(db, pupilId),
		classes: await classes(db, pupilId),
		exerciseAttempts: await exerciseAttempts(db, pupilId),
		savedWork: work.savedWork,
		hintsViewed: work.hintsViewed,
		drawings: await drawings(db, pupilId),
		assignments: await assignments(db, pupilId),
		teams: await teams(db, pupilId),
		portfolioEntries: writing.portfolioEntries,
		reflections: writing.reflections,
		handIns: writing.handIns,
		photos: files.photos,
		files: files.files,
		reviewsReceived: await reviewsReceived(db, pupilId),
		surveys: await surveys(db, pupilId),
		consents: rest.consents,
		activity: rest.activity
	};
}

/** The ZIP's entries: pupil.json, then each photo and file, read from disk when its turn comes. */
export function archiveEntries(data: PupilData, now = Date.now()): ZipEntry[] {
	const json = JSON.stringify(
		{
			...data,
			photos: data.photos.map((p) => ({ ...p, stored: undefined })),
			files: data.files.map((f) => ({ ...f, stored: undefined }))
		},
		null,
		2
	);
	return [
		{ name: 'pupil.json', data: Buffer.from(json + '\n', 'utf8'), compress: true, modified: now },
		...data.photos.map((p) => ({
			name: p.inArchive,
			data: () => readPhotoFile(p.stored, 'full'),
			modified: now
		})),
		...data.files.map((f) => ({
			name: f.inArchive,
			data: () => readStoredFile(f.stored),
			compress: true,
			modified: now
		}))
	];
}

/** The archive's file name: the pupil's id only (a name in a download folder is personal data too). */
/** The ZIP's name: the pupil's name (as the family asked for it), then the day, never an internal id. */
export function archiveName(fullName: string, now = Date.now()): string {
	return `du-lieu-${fileSlug(fullName)}-${new Date(now + VIETNAM_MS).toISOString().slice(0, 10)}.zip`;
}

/**
 * The pupil's archive, and the audit entry that says who took it ('export.pupil_data', ids only). The
 * caller has checked that the actor may see this pupil.
 */
export async function pupilArchive(
	db: Conn,
	actor: Actor,
	pupil: { id: number; school_id: number | null },
	now = Date.now()
) {
	const data = await pupilData(db, pupil.id, now);
	await record(
		db,
		actor,
		{
			action: 'export.pupil_data',
			target: { type: 'user', id: pupil.id },
			schoolId: pupil.school_id,
			detail: { photos: data.photos.length, files: data.files.length }
		},
		now
	);
	return {
		fileName: archiveName(data.identity.fullName, now),
		entries: archiveEntries(data, now),
		data
	};
}
