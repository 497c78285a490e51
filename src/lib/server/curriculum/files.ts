// Images and PDF handouts attached to a lesson. Checked by their bytes (never the name or the
// browser's type), images re-encoded by sharp (which drops EXIF, GPS included), stored outside
// the served folders and sent only through a handler that checks who may see the lesson.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import type { Conn } from '../db';
import { cleanText } from '$lib/text/normalize';
import { canEdit, canView, getLesson, type Viewer } from './lessons';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_PDF_BYTES = 10 * 1024 * 1024;
const MAX_SIDE = 1600;

type Detected = 'jpeg' | 'png' | 'webp' | 'pdf';

export function uploadsRoot(): string {
	return resolve(process.env.UPLOADS_PATH ?? 'data/uploads');
}

/** The file's real type from its first bytes. */
export function detectType(b: Uint8Array): Detected | null {
	const at = (i: number, ...xs: number[]) => xs.every((x, k) => b[i + k] === x);
	if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
	if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
	if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
	if (at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
	return null;
}

export type UploadResult =
	| { ok: true; id: number; kind: 'image' | 'pdf'; name: string }
	| { ok: false; error: 'not_allowed' | 'type' | 'size' | 'image' };

export async function saveLessonFile(
	db: Conn,
	viewer: Viewer,
	lessonId: number,
	file: { name: string; bytes: Uint8Array },
	now = Date.now()
): Promise<UploadResult> {
	const lesson = await getLesson(db, lessonId);
	if (!lesson || !canView(lesson, viewer) || !canEdit(lesson, viewer))
		return { ok: false, error: 'not_allowed' };
	const type = detectType(file.bytes);
	if (!type) return { ok: false, error: 'type' };
	if (file.bytes.length > (type === 'pdf' ? MAX_PDF_BYTES : MAX_IMAGE_BYTES))
		return { ok: false, error: 'size' };
	let out: Uint8Array;
	if (type === 'pdf') out = file.bytes;
	else {
		try {
			// rotate() applies the EXIF orientation before the metadata is dropped.
			const img = sharp(file.bytes, { limitInputPixels: 40_000_000, failOn: 'error' })
				.rotate()
				.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
			out = await (
				type === 'jpeg'
					? img.jpeg({ quality: 82 })
					: type === 'png'
						? img.png()
						: img.webp({ quality: 80 })
			).toBuffer();
		} catch {
			return { ok: false, error: 'image' };
		}
	}
	const ext = type === 'jpeg' ? 'jpg' : type;
	const storedAs = join('lessons', String(lessonId), `${randomBytes(12).toString('hex')}.${ext}`);
	await mkdir(join(uploadsRoot(), 'lessons', String(lessonId)), { recursive: true });
	await writeFile(join(uploadsRoot(), storedAs), out);
	const name =
		cleanText(file.name)
			.replace(/[^\p{L}\p{N} ._-]/gu, '')
			.slice(0, 120) || `file.${ext}`;
	const { id } = await db
		.insertInto('lesson_files')
		.values({
			lesson_id: lessonId,
			kind: type === 'pdf' ? 'pdf' : 'image',
			name,
			stored_as: storedAs,
			bytes: out.length,
			uploaded_by: viewer.id,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { ok: true, id, kind: type === 'pdf' ? 'pdf' : 'image', name };
}

export interface LessonFile {
	id: number;
	kind: 'image' | 'pdf';
	name: string;
	bytes: number;
}

export async function listLessonFiles(db: Conn, lessonId: number): Promise<LessonFile[]> {
	return db
		.selectFrom('lesson_files')
		.select(['id', 'kind', 'name', 'bytes'])
		.where('lesson_id', '=', lessonId)
		.orderBy('id')
		.execute();
}

/** A file of a lesson this viewer may see, with its bytes; undefined otherwise. */
export async function readLessonFile(db: Conn, viewer: Viewer, lessonId: number, fileId: number) {
	const lesson = await getLesson(db, lessonId);
	if (!lesson || !canView(lesson, viewer)) return undefined;
	const row = await db
		.selectFrom('lesson_files')
		.selectAll()
		.where('id', '=', fileId)
		.where('lesson_id', '=', lessonId)
		.executeTakeFirst();
	if (!row) return undefined;
	const path = resolve(uploadsRoot(), row.stored_as);
	if (!path.startsWith(uploadsRoot())) return undefined;
	try {
		const ext = row.stored_as.split('.').pop();
		const type =
			ext === 'jpg'
				? 'image/jpeg'
				: ext === 'png'
					? 'image/png'
					: ext === 'webp'
						? 'image/webp'
						: 'application/pdf';
		return { name: row.name, kind: row.kind, type, bytes: await readFile(path) };
	} catch {
		return undefined;
	}
}
