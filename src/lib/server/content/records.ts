// What the built-in content became (migration 0026): one record per built-in lesson or exercise, with
// the hash of the item it was written from and of the content written. The seed and the sync keep it.
import { createHash } from 'node:crypto';
import type { Conn } from '../db';

export type ContentKind = 'lesson' | 'exercise';

export interface ContentRecord {
	recordId: number;
	sourceHash: string;
	contentHash: string;
}

/** SHA-256 (hex) of a text, or of a value's JSON. */
export function hashOf(x: unknown): string {
	return createHash('sha256')
		.update(typeof x === 'string' ? x : JSON.stringify(x), 'utf8')
		.digest('hex');
}

/** The hash of an exercise's content as the exercises table holds it. */
export function exerciseHash(e: {
	title: string;
	kind: string;
	grade: number;
	concept: string;
	spec: string;
}): string {
	return hashOf([e.title, e.kind, e.grade, e.concept, e.spec]);
}

/** The built-in lesson key of a seed file: its name without ".md". */
export const lessonKey = (file: string) => file.replace(/\.md$/, '');

/** A standalone exercise's key, or a course exercise's (its course, lesson and title). */
export const exerciseKey = (title: string, place?: { course: string; lesson: string }) =>
	place ? `${place.course}/${place.lesson}/${title}` : `exercise/${title}`;

export async function recordsOf(db: Conn, kind: ContentKind): Promise<Map<string, ContentRecord>> {
	const rows = await db
		.selectFrom('builtin_content')
		.select(['item_key', 'record_id', 'source_hash', 'content_hash'])
		.where('kind', '=', kind)
		.execute();
	return new Map(
		rows.map((r) => [
			r.item_key,
			{ recordId: r.record_id, sourceHash: r.source_hash, contentHash: r.content_hash }
		])
	);
}

/** Records (or records again) what a built-in item became. */
export async function remember(
	db: Conn,
	kind: ContentKind,
	key: string,
	rec: ContentRecord,
	now = Date.now()
): Promise<void> {
	const values = {
		record_id: rec.recordId,
		source_hash: rec.sourceHash,
		content_hash: rec.contentHash,
		synced_at: now
	};
	await db
		.insertInto('builtin_content')
		.values({ kind, item_key: key, ...values })
		.onConflict((oc) => oc.columns(['kind', 'item_key']).doUpdateSet(values))
		.execute();
}
