// Free play ("Sân chơi", issue 17): a pupil's drawings on the turtle canvas. The rules:
//   - a drawing is its pupil's: only they open it to edit, rename, share, stop sharing or delete it;
//   - its strokes are what the server drew by running its program (draw.ts), never the browser's;
//   - shared, it is seen by the pupils now in the class it was shared with and by that class's
//     teachers; a teacher may hide it from the pupils (and show it again); the pupil still sees their own;
//   - anything else (another pupil's unshared or hidden drawing, another class's) is not found.
import type { Conn } from '../db';
import { record, type Actor } from '../audit/log';
import type { Segment } from '$lib/blockly/spec';
import { pupilClass } from '../exercises/pupil';
import { playToolbox } from '$lib/blockly/play';

/** Drawings one pupil may keep. */
export const MAX_DRAWINGS = 50;

export interface Drawing {
	id: number;
	pupilId: number;
	name: string;
	segments: Segment[];
	sharedClassId: number | null;
	sharedAt: number | null;
	hiddenAt: number | null;
	updatedAt: number;
}

type Row = {
	id: number;
	pupil_id: number;
	name: string;
	segments: string;
	shared_class_id: number | null;
	shared_at: number | null;
	hidden_at: number | null;
	updated_at: number;
};
const COLUMNS = [
	'play_drawings.id',
	'play_drawings.pupil_id',
	'play_drawings.name',
	'play_drawings.segments',
	'play_drawings.shared_class_id',
	'play_drawings.shared_at',
	'play_drawings.hidden_at',
	'play_drawings.updated_at'
] as const;

function parseSegments(text: string): Segment[] {
	try {
		const v = JSON.parse(text);
		return Array.isArray(v) ? v : [];
	} catch {
		return [];
	}
}

function toDrawing(r: Row): Drawing {
	return {
		id: r.id,
		pupilId: r.pupil_id,
		name: r.name,
		segments: parseSegments(r.segments),
		sharedClassId: r.shared_class_id,
		sharedAt: r.shared_at,
		hiddenAt: r.hidden_at,
		updatedAt: r.updated_at
	};
}

/** The blocks of the canvas for this pupil: those of their grade's courses that draw (play.ts). */
export async function toolboxFor(db: Conn, pupilId: number): Promise<string[]> {
	const cls = await pupilClass(db, pupilId);
	if (!cls) return playToolbox([]);
	const rows = await db
		.selectFrom('course_lesson_exercises as cle')
		.innerJoin('course_lessons', 'course_lessons.id', 'cle.course_lesson_id')
		.innerJoin('courses', 'courses.id', 'course_lessons.course_id')
		.innerJoin('exercises', 'exercises.id', 'cle.exercise_id')
		.select('exercises.spec')
		.where('courses.grade_from', '<=', cls.grade)
		.where('courses.grade_to', '>=', cls.grade)
		.execute();
	const toolboxes = rows.map((r) => {
		try {
			const t = JSON.parse(r.spec).toolbox;
			return Array.isArray(t) ? t.filter((x: unknown) => typeof x === 'string') : [];
		} catch {
			return [];
		}
	});
	return playToolbox(toolboxes);
}

/** The pupil's own drawings, newest first. */
export async function listMine(db: Conn, pupilId: number): Promise<Drawing[]> {
	const rows = await db
		.selectFrom('play_drawings')
		.select(COLUMNS)
		.where('pupil_id', '=', pupilId)
		.orderBy('updated_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return rows.map(toDrawing);
}

/** A new empty drawing; null when the pupil already keeps MAX_DRAWINGS. */
export async function createDrawing(
	db: Conn,
	pupilId: number,
	name: string,
	now = Date.now()
): Promise<number | null> {
	const { n } = await db
		.selectFrom('play_drawings')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('pupil_id', '=', pupilId)
		.executeTakeFirstOrThrow();
	if (Number(n) >= MAX_DRAWINGS) return null;
	const row = await db
		.insertInto('play_drawings')
		.values({ pupil_id: pupilId, name, workspace: '{}', created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export type Opened =
	| { mine: true; drawing: Drawing; workspace: string }
	| { mine: false; drawing: Drawing; author: string };

/**
 * A drawing as a pupil may open it: their own (with its workspace), or a classmate's shared with the
 * class they are in now and not hidden (the strokes and the first name of its author). Else undefined.
 */
export async function openForPupil(
	db: Conn,
	pupilId: number,
	id: number
): Promise<Opened | undefined> {
	const row = await db
		.selectFrom('play_drawings')
		.innerJoin('users', 'users.id', 'play_drawings.pupil_id')
		.select([...COLUMNS, 'play_drawings.workspace', 'users.full_name'])
		.where('play_drawings.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	if (row.pupil_id === pupilId)
		return { mine: true, drawing: toDrawing(row), workspace: row.workspace };
	if (row.shared_class_id === null || row.shared_at === null || row.hidden_at !== null)
		return undefined;
	const cls = await pupilClass(db, pupilId);
	if (!cls || cls.id !== row.shared_class_id) return undefined;
	return { mine: false, drawing: toDrawing(row), author: givenName(row.full_name) };
}

/** The given name (the last word of a Vietnamese name): what classmates see of an author. */
export function givenName(fullName: string): string {
	const words = fullName.trim().split(/\s+/);
	return words[words.length - 1] ?? '';
}

/** Stores a new name, workspace and strokes of the pupil's own drawing; false if it is not theirs. */
export async function saveDrawing(
	db: Conn,
	pupilId: number,
	id: number,
	d: { name: string; workspace: string; segments: Segment[] },
	now = Date.now()
): Promise<boolean> {
	const r = await db
		.updateTable('play_drawings')
		.set({
			name: d.name,
			workspace: d.workspace,
			segments: JSON.stringify(d.segments),
			updated_at: now
		})
		.where('id', '=', id)
		.where('pupil_id', '=', pupilId)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

/**
 * Shares the pupil's own drawing with the class they are in now, or stops sharing it. A drawing a
 * teacher hid stays hidden when shared again. 'no_class': the pupil is in no class.
 */
export async function setShared(
	db: Conn,
	pupilId: number,
	id: number,
	shared: boolean,
	now = Date.now()
): Promise<'ok' | 'not_found' | 'no_class'> {
	const cls = shared ? await pupilClass(db, pupilId) : undefined;
	if (shared && !cls) return 'no_class';
	const r = await db
		.updateTable('play_drawings')
		.set({ shared_class_id: cls?.id ?? null, shared_at: shared ? now : null })
		.where('id', '=', id)
		.where('pupil_id', '=', pupilId)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0 ? 'ok' : 'not_found';
}

export async function deleteDrawing(db: Conn, pupilId: number, id: number): Promise<boolean> {
	const r = await db
		.deleteFrom('play_drawings')
		.where('id', '=', id)
		.where('pupil_id', '=', pupilId)
		.executeTakeFirst();
	return Number(r.numDeletedRows) > 0;
}

export interface ClassDrawing extends Drawing {
	author: string;
}

/**
 * The drawings shared with a class, newest first, with their authors: for its pupils without the
 * hidden ones (and first names only), for its teachers all of them (full names).
 */
export async function classDrawings(
	db: Conn,
	classId: number,
	viewer: 'pupil' | 'teacher'
): Promise<ClassDrawing[]> {
	let q = db
		.selectFrom('play_drawings')
		.innerJoin('users', 'users.id', 'play_drawings.pupil_id')
		.select([...COLUMNS, 'users.full_name'])
		.where('play_drawings.shared_class_id', '=', classId)
		.where('play_drawings.shared_at', 'is not', null)
		.orderBy('play_drawings.shared_at', 'desc')
		.orderBy('play_drawings.id', 'desc');
	if (viewer === 'pupil') q = q.where('play_drawings.hidden_at', 'is', null);
	const rows = await q.execute();
	return rows.map((r) => ({
		...toDrawing(r),
		author: viewer === 'pupil' ? givenName(r.full_name) : r.full_name
	}));
}

/** A drawing shared with this class (for its teachers), or undefined. */
export async function classDrawing(
	db: Conn,
	classId: number,
	id: number
): Promise<ClassDrawing | undefined> {
	return (await classDrawings(db, classId, 'teacher')).find((d) => d.id === id);
}

/**
 * A class's teacher hides a drawing shared with the class from its pupils, or shows it again; each
 * is in the audit trail (the drawing, its author's and the class's ids), as other moderation is.
 */
export async function setHidden(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number },
	id: number,
	hidden: boolean,
	now = Date.now()
): Promise<boolean> {
	const row = await db
		.updateTable('play_drawings')
		.set({ hidden_at: hidden ? now : null, hidden_by: hidden ? actor.id : null })
		.where('id', '=', id)
		.where('shared_class_id', '=', cls.id)
		.where('shared_at', 'is not', null)
		.returning('pupil_id')
		.executeTakeFirst();
	if (!row) return false;
	await record(
		db,
		actor,
		{
			action: hidden ? 'play.drawing_hidden' : 'play.drawing_shown',
			target: { type: 'drawing', id },
			schoolId: cls.schoolId,
			detail: { classId: cls.id, pupilId: row.pupil_id }
		},
		now
	);
	return true;
}
