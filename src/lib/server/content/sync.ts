// Existing pilots receive new built-in content (issue 15). The demo seed runs once; at every start the
// built-in lessons and exercises of this version are compared with what the pilot has (builtin_content,
// migration 0026): a missing one is added; one nobody edited (its content still hashes to what was
// written from the built-in item) takes the new text; an edited one is left alone. What it did is in
// the audit trail. Run once per start, by one instance (startup.ts), in one transaction.
import type { Conn } from '../db';
import { record, SYSTEM } from '../audit/log';
import { builtinContent, type BuiltinContent } from './builtin';
import { exerciseAdapter } from './exercises';
import { lessonAdapter } from './lessons';
import { recordsOf, remember, type ContentKind, type ContentRecord } from './records';

/** How the sync reads and writes one kind of built-in item (content/lessons.ts, content/exercises.ts). */
export interface Adapter<T extends { key: string }, C> {
	kind: ContentKind;
	sourceHash(item: T): string;
	build(item: T): C;
	contentHash(content: C): string;
	/** the row's content hash; untouched: never changed since it was made (rows seeded before 0026) */
	current(db: Conn, id: number): Promise<{ hash: string; untouched: boolean } | undefined>;
	/** the row an item became in a pilot seeded before 0026 (not one already taken) */
	adopt(db: Conn, item: T, taken: Set<number>): Promise<number | undefined>;
	add(db: Conn, item: T, content: C, now: number): Promise<number>;
	update(db: Conn, id: number, content: C, now: number): Promise<void>;
}

export type Outcome = 'same' | 'added' | 'updated' | 'kept';

/** A record for a row seeded before 0026: ours (its hash) if untouched, else never ours (''). */
async function adopted<T extends { key: string }, C>(
	db: Conn,
	a: Adapter<T, C>,
	item: T,
	taken: Set<number>
): Promise<ContentRecord | undefined> {
	const id = await a.adopt(db, item, taken);
	if (id === undefined) return undefined;
	taken.add(id);
	const row = await a.current(db, id);
	return { recordId: id, sourceHash: '', contentHash: row?.untouched ? row.hash : '' };
}

async function syncItem<T extends { key: string }, C>(
	db: Conn,
	a: Adapter<T, C>,
	item: T,
	known: ContentRecord | undefined,
	taken: Set<number>,
	now: number
): Promise<Outcome> {
	const sourceHash = a.sourceHash(item);
	if (known?.sourceHash === sourceHash) return 'same';
	const rec = known ?? (await adopted(db, a, item, taken));
	if (!rec) {
		const content = a.build(item);
		const recordId = await a.add(db, item, content, now);
		await remember(
			db,
			a.kind,
			item.key,
			{ recordId, sourceHash, contentHash: a.contentHash(content) },
			now
		);
		return 'added';
	}
	const row = await a.current(db, rec.recordId);
	if (!row || row.hash !== rec.contentHash) {
		await remember(db, a.kind, item.key, { ...rec, sourceHash }, now);
		return 'kept';
	}
	const content = a.build(item);
	const contentHash = a.contentHash(content);
	if (contentHash !== row.hash) await a.update(db, rec.recordId, content, now);
	await remember(db, a.kind, item.key, { recordId: rec.recordId, sourceHash, contentHash }, now);
	return contentHash !== row.hash ? 'updated' : 'same';
}

async function syncKind<T extends { key: string }, C>(
	db: Conn,
	a: Adapter<T, C>,
	items: T[],
	now: number
): Promise<Record<Outcome, number>> {
	const known = await recordsOf(db, a.kind);
	const taken = new Set([...known.values()].map((r) => r.recordId));
	const counts = { same: 0, added: 0, updated: 0, kept: 0 };
	for (const item of items) counts[await syncItem(db, a, item, known.get(item.key), taken, now)]++;
	return counts;
}

/** Whether the pilot has the built-in content at all (a pilot set up without the demo has none). */
async function hasBuiltinContent(db: Conn): Promise<boolean> {
	const row = await db
		.selectFrom('exercises')
		.select('id')
		.where('school_id', 'is', null)
		.where('author_id', 'is', null)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export interface SyncReport {
	lessons: Record<Outcome, number>;
	exercises: Record<Outcome, number>;
}

/** Brings the built-in content up to date; run it in a transaction. Audited when anything changed. */
export async function syncBuiltinContent(
	db: Conn,
	content: BuiltinContent = builtinContent(),
	now = Date.now()
): Promise<SyncReport | null> {
	if (!(await hasBuiltinContent(db))) return null;
	const lessons = await syncKind(db, lessonAdapter, content.lessons, now);
	const exercises = await syncKind(db, exerciseAdapter, content.exercises, now);
	const changed = (c: Record<Outcome, number>) => c.added + c.updated + c.kept;
	if (changed(lessons) + changed(exercises)) {
		const detail = Object.fromEntries(
			(['added', 'updated', 'kept'] as const).flatMap((o) => [
				[`lessons_${o}`, lessons[o]],
				[`exercises_${o}`, exercises[o]]
			])
		);
		await record(db, SYSTEM, { action: 'content.synced', detail }, now);
	}
	return { lessons, exercises };
}
