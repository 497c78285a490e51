import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import * as lessons from './lessons';
import {
	detectType,
	listLessonFiles,
	readLessonFile,
	saveLessonFile,
	MAX_IMAGE_BYTES
} from './files';
import { makeSchoolAndUsers, sampleLesson } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'mam-stem-files-'));
process.env.UPLOADS_PATH = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let db: DB;
let u: Awaited<ReturnType<typeof makeSchoolAndUsers>>;
let id: number;

beforeEach(async () => {
	db = openTestDatabase().db;
	u = await makeSchoolAndUsers(db);
	id = await lessons.createLesson(db, u.hoa, sampleLesson());
});

async function photoWithGps(format: 'jpeg' | 'png' | 'webp' = 'jpeg') {
	const img = sharp({
		create: { width: 2400, height: 1200, channels: 3, background: { r: 200, g: 120, b: 40 } }
	}).withExif({
		IFD0: { Make: 'PhoneCo', Copyright: 'Nông Thị Lan' },
		IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 50/1 0/1' }
	});
	return new Uint8Array(await img.toFormat(format).toBuffer());
}

describe('lesson files', () => {
	it('re-encodes an image without its EXIF and shrinks it', async () => {
		const bytes = await photoWithGps();
		expect((await sharp(bytes).metadata()).exif).toBeDefined();
		const r = await saveLessonFile(db, u.hoa, id, { name: 'ảnh<script>.jpg', bytes });
		expect(r).toMatchObject({ ok: true, kind: 'image' });
		const f = await readLessonFile(db, u.hoa, id, (r as { id: number }).id);
		const meta = await sharp(f!.bytes).metadata();
		expect(meta.exif).toBeUndefined();
		expect(meta.width).toBe(1600);
		expect(f!.type).toBe('image/jpeg');
		expect(f!.name).not.toContain('<');
	});

	it('accepts PNG, WebP and PDF by their bytes', async () => {
		expect(
			(await saveLessonFile(db, u.hoa, id, { name: 'a.png', bytes: await photoWithGps('png') })).ok
		).toBe(true);
		expect(
			(await saveLessonFile(db, u.hoa, id, { name: 'a.webp', bytes: await photoWithGps('webp') }))
				.ok
		).toBe(true);
		const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
		expect(await saveLessonFile(db, u.hoa, id, { name: 'phieu.pdf', bytes: pdf })).toMatchObject({
			ok: true,
			kind: 'pdf'
		});
		expect(await listLessonFiles(db, id)).toHaveLength(3);
	});

	it('refuses a file that only claims to be an image, a broken image and a huge one', async () => {
		const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
		expect(await saveLessonFile(db, u.hoa, id, { name: 'x.jpg', bytes: html })).toEqual({
			ok: false,
			error: 'type'
		});
		const svg = new TextEncoder().encode(
			'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
		);
		expect(await saveLessonFile(db, u.hoa, id, { name: 'x.png', bytes: svg })).toEqual({
			ok: false,
			error: 'type'
		});
		const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
		expect(await saveLessonFile(db, u.hoa, id, { name: 'x.jpg', bytes: broken })).toEqual({
			ok: false,
			error: 'image'
		});
		const huge = new Uint8Array(MAX_IMAGE_BYTES + 1);
		huge.set([0xff, 0xd8, 0xff]);
		expect(await saveLessonFile(db, u.hoa, id, { name: 'x.jpg', bytes: huge })).toEqual({
			ok: false,
			error: 'size'
		});
		expect(await listLessonFiles(db, id)).toHaveLength(0);
	});

	it('only the editor uploads; only those who see the lesson read its files', async () => {
		expect(
			await saveLessonFile(db, u.duc, id, { name: 'a.jpg', bytes: await photoWithGps() })
		).toEqual({ ok: false, error: 'not_allowed' });
		const r = (await saveLessonFile(db, u.hoa, id, {
			name: 'a.jpg',
			bytes: await photoWithGps()
		})) as { id: number };
		expect(await readLessonFile(db, u.duc, id, r.id)).toBeUndefined(); // a draft is its author's
		expect(await readLessonFile(db, u.hoa, id + 1, r.id)).toBeUndefined(); // another lesson's id
		const other = await lessons.createLesson(db, u.hoa, sampleLesson());
		expect(await readLessonFile(db, u.hoa, other, r.id)).toBeUndefined();
		// Stored outside the app's folders, under UPLOADS_PATH.
		const row = await db.selectFrom('lesson_files').select('stored_as').executeTakeFirstOrThrow();
		expect(readFileSync(join(dir, row.stored_as)).length).toBeGreaterThan(0);
	});

	it('detects types by magic bytes only', () => {
		expect(detectType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
			'png'
		);
		expect(detectType(new TextEncoder().encode('GIF89a'))).toBeNull();
	});
});
