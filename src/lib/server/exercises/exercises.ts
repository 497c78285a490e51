// Exercises as records: the core columns the dashboards read, plus the spec (JSON) of migration 0004.
import type { ExpressionBuilder } from 'kysely';
import type { Conn } from '../db';
import type { Database } from '../db/types';
import type { Concept, ExerciseSpec, Kind } from '$lib/blockly/spec';
import { CONCEPTS, KINDS } from '$lib/blockly/spec';

export type ExerciseStatus = 'draft' | 'published' | 'archived';

export interface Exercise {
	id: number;
	title: string;
	kind: Kind;
	grade: number;
	concept: Concept;
	status: ExerciseStatus;
	authorId: number | null;
	schoolId: number | null;
	referencePasses: boolean;
	copiedFromId: number | null;
	spec: ExerciseSpec;
	updatedAt: number;
	/** Sharing with every school: asked for (and when), accepted by the department (and when). */
	shareRequestedAt: number | null;
	sharedAt: number | null;
	shareComment: string | null;
}

export const PAGE_SIZE = 20;

/**
 * The exercises a school's teachers and pupils can reach: the department's (no school), their
 * school's own, and other schools' ones the department accepted for everyone. The one home of the
 * rule: the library, the pupils' list, assigning and the checks of a set all use it.
 */
export function reachableFrom(schoolId: number | null) {
	return (eb: ExpressionBuilder<Database, 'exercises'>) =>
		eb.or([
			eb('exercises.school_id', 'is', null),
			eb('exercises.school_id', '=', schoolId),
			eb('exercises.shared_at', 'is not', null)
		]);
}

type Row = {
	id: number;
	title: string;
	kind: Kind;
	grade: number;
	concept: Concept;
	status: ExerciseStatus;
	author_id: number | null;
	school_id: number | null;
	reference_passes: number;
	copied_from_id: number | null;
	spec: string;
	updated_at: number;
	share_requested_at: number | null;
	shared_at: number | null;
	share_comment: string | null;
};

function toExercise(row: Row): Exercise {
	let spec: ExerciseSpec;
	try {
		spec = JSON.parse(row.spec);
	} catch {
		spec = { task: '', toolbox: [], start: null, ideal: 1, hints: [], reference: null };
	}
	return {
		id: row.id,
		title: row.title,
		kind: row.kind,
		grade: row.grade,
		concept: row.concept,
		status: row.status,
		authorId: row.author_id,
		schoolId: row.school_id,
		referencePasses: row.reference_passes === 1,
		copiedFromId: row.copied_from_id,
		spec,
		updatedAt: row.updated_at,
		shareRequestedAt: row.share_requested_at,
		sharedAt: row.shared_at,
		shareComment: row.share_comment
	};
}

const COLUMNS = [
	'id',
	'title',
	'kind',
	'grade',
	'concept',
	'status',
	'author_id',
	'school_id',
	'reference_passes',
	'copied_from_id',
	'spec',
	'updated_at',
	'share_requested_at',
	'shared_at',
	'share_comment'
] as const;

export async function getExercise(db: Conn, id: number): Promise<Exercise | undefined> {
	const row = await db
		.selectFrom('exercises')
		.select(COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
	return row && toExercise(row as Row);
}

/**
 * A teacher sees the department's exercises, their school's, and another school's only once the
 * department accepted it for everyone (never its drafts).
 */
export function visibleToTeacher(ex: Exercise, user: { id: number; schoolId: number }): boolean {
	if (ex.schoolId !== null && ex.schoolId !== user.schoolId)
		return ex.sharedAt !== null && ex.status === 'published';
	return ex.status === 'published' || ex.authorId === user.id || ex.schoolId === user.schoolId;
}

export function editableBy(ex: Exercise, user: { id: number; schoolId: number }): boolean {
	return ex.authorId === user.id && ex.schoolId === user.schoolId;
}

export interface LibraryFilter {
	grade?: number;
	kind?: Kind;
	concept?: Concept;
	page?: number;
}

export function parseFilter(params: URLSearchParams): LibraryFilter {
	const grade = Number(params.get('grade'));
	const kind = params.get('kind') as Kind;
	const concept = params.get('concept') as Concept;
	const page = Number(params.get('page'));
	return {
		grade: Number.isInteger(grade) && grade >= 1 && grade <= 12 ? grade : undefined,
		kind: KINDS.includes(kind) ? kind : undefined,
		concept: CONCEPTS.includes(concept) ? concept : undefined,
		page: Number.isInteger(page) && page >= 1 ? page : 1
	};
}

/** The teacher's library: shared and own-school exercises (published, or their school's drafts). */
export async function listLibrary(
	db: Conn,
	user: { id: number; schoolId: number },
	filter: LibraryFilter
) {
	let q = db
		.selectFrom('exercises')
		.where((eb) =>
			eb.or([
				eb.and([
					eb.or([eb('school_id', 'is', null), eb('shared_at', 'is not', null)]),
					eb('status', '=', 'published')
				]),
				eb('school_id', '=', user.schoolId)
			])
		)
		.where('status', '!=', 'archived');
	if (filter.grade) q = q.where('grade', '=', filter.grade);
	if (filter.kind) q = q.where('kind', '=', filter.kind);
	if (filter.concept) q = q.where('concept', '=', filter.concept);
	const { total } = await q
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const page = Math.max(1, Math.min(filter.page ?? 1, Math.ceil(total / PAGE_SIZE) || 1));
	const rows = await q
		.select(['id', 'title', 'kind', 'grade', 'concept', 'status', 'author_id', 'school_id'])
		.orderBy('grade')
		.orderBy('id')
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE)
		.execute();
	return { total, page, pages: Math.ceil(total / PAGE_SIZE) || 1, rows };
}

/** Published exercises a pupil of this grade can open. */
export async function listForPupil(db: Conn, grade: number, schoolId: number | null) {
	return db
		.selectFrom('exercises')
		.select(['id', 'title', 'kind', 'concept', 'grade'])
		.where('status', '=', 'published')
		.where('grade', '=', grade)
		.where(reachableFrom(schoolId))
		.orderBy('id')
		.execute();
}

export interface ExerciseInput {
	title: string;
	kind: Kind;
	grade: number;
	concept: Concept;
	spec: ExerciseSpec;
}

export async function createExercise(
	db: Conn,
	input: ExerciseInput & {
		authorId: number | null;
		schoolId: number | null;
		status?: ExerciseStatus;
		referencePasses?: boolean;
		copiedFromId?: number | null;
	},
	now = Date.now()
): Promise<number> {
	const row = await db
		.insertInto('exercises')
		.values({
			title: input.title,
			kind: input.kind,
			grade: input.grade,
			concept: input.concept,
			status: input.status ?? 'draft',
			author_id: input.authorId,
			school_id: input.schoolId,
			spec: JSON.stringify(input.spec),
			reference_passes: input.referencePasses ? 1 : 0,
			copied_from_id: input.copiedFromId ?? null,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/**
 * Saving new content makes the exercise a draft again until its reference passes once more; a
 * shared one leaves the other schools until the department accepts the new content.
 */
export async function updateExercise(
	db: Conn,
	id: number,
	input: ExerciseInput,
	referencePasses: boolean,
	now = Date.now()
) {
	await db
		.updateTable('exercises')
		.set({
			title: input.title,
			kind: input.kind,
			grade: input.grade,
			concept: input.concept,
			spec: JSON.stringify(input.spec),
			reference_passes: referencePasses ? 1 : 0,
			status: 'draft',
			shared_at: null,
			share_requested_at: null,
			share_comment: null,
			updated_at: now
		})
		.where('id', '=', id)
		.execute();
}

export async function setStatus(db: Conn, id: number, status: ExerciseStatus, now = Date.now()) {
	await db.updateTable('exercises').set({ status, updated_at: now }).where('id', '=', id).execute();
}
