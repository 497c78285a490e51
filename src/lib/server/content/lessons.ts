// The built-in lessons, as the sync reads and writes them: the department's published library lessons.
import type { Conn } from '../db';
import { importLesson } from '../curriculum/exchange';
import { addLessonVersion, createLesson } from '../curriculum/lessons';
import type { BuiltinLesson } from './builtin';
import { hashOf } from './records';
import type { Adapter } from './sync';

type LessonContent = Parameters<typeof createLesson>[2];

function build(l: BuiltinLesson): LessonContent {
	const r = importLesson(l.text);
	if (!r.ok) throw new Error(`built-in lesson ${l.key}: ${JSON.stringify(r.errors)}`);
	return r.content;
}

export const lessonAdapter: Adapter<BuiltinLesson, LessonContent> = {
	kind: 'lesson',
	sourceHash: (l) => hashOf(l.text),
	build,
	// The lesson_versions row holds JSON.stringify(content): the same text, the same hash.
	contentHash: (c) => hashOf(JSON.stringify(c)),
	async current(db: Conn, id: number) {
		const row = await db
			.selectFrom('lessons as l')
			.innerJoin('lesson_versions as v', 'v.id', 'l.current_version_id')
			.select(['v.content', 'v.number', 'v.created_at', 'v.updated_at', 'l.status'])
			.where('l.id', '=', id)
			.executeTakeFirst();
		if (!row) return undefined;
		// Seeded before records were kept: untouched if never saved again (one version, as created).
		const untouched =
			row.number === 1 && row.created_at === row.updated_at && row.status === 'published';
		return { hash: hashOf(row.content), untouched };
	},
	async adopt(db: Conn, l: BuiltinLesson, taken: Set<number>) {
		const rows = await db
			.selectFrom('lessons')
			.select('id')
			.where('title', '=', build(l).title)
			.where('school_id', 'is', null)
			.where('copied_from_id', 'is', null)
			.orderBy('id')
			.execute();
		return rows.map((r) => r.id).find((id) => !taken.has(id));
	},
	add: (db, _l, c, now) => createLesson(db, null, c, { status: 'published', now }),
	update: (db, id, c, now) => addLessonVersion(db, id, c, now)
};
