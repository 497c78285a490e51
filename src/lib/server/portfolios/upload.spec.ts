import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openTestDatabase } from '../db/testing';
import { makeProject } from '../projects/testing';
import { readUploadForm, uploadFile, uploadPhoto } from './upload';
import { MAX_PHOTO_BYTES } from './photos';
import { setClosed } from '../assignments/assignments';

describe('uploads into a portfolio', () => {
	it('stores a photo and a file; refuses a bad photo, an unknown step and a closed project, storing nothing', async () => {
		process.env.UPLOADS_PATH = mkdtempSync(join(tmpdir(), 'mam-up-'));
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		const team = { id: p.teamId, assignmentId: p.assignmentId };
		const png = await sharp({
			create: { width: 50, height: 40, channels: 3, background: '#123456' }
		})
			.png()
			.toBuffer();
		const photo = new File([new Uint8Array(png)], 'mau.png');
		expect(
			(
				await uploadPhoto(db, team, p.pupils[0], {
					stepKey: 'prototype',
					file: photo,
					clientKey: null,
					caption: 'Mẫu 1'
				})
			).ok
		).toBe(true);
		const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'anh.jpg');
		expect(
			await uploadPhoto(db, team, p.pupils[0], {
				stepKey: 'prototype',
				file: svg,
				clientKey: null,
				caption: ''
			})
		).toEqual({ ok: false, error: 'type' });
		expect(
			await uploadPhoto(db, team, p.pupils[0], {
				stepKey: 'nope',
				file: photo,
				clientKey: null,
				caption: ''
			})
		).toEqual({ ok: false, error: 'step' });
		expect(
			(
				await uploadFile(db, team, p.pupils[0], {
					stepKey: 'share',
					file: new File(['lần,cm\n1,12\n'], 'do.csv')
				})
			).ok
		).toBe(true);
		await setClosed(db, p.assignmentId, true);
		expect(
			await uploadPhoto(db, team, p.pupils[0], {
				stepKey: 'prototype',
				file: photo,
				clientKey: null,
				caption: ''
			})
		).toEqual({ ok: false, error: 'closed' });
		expect(
			await uploadFile(db, team, p.pupils[0], { stepKey: 'share', file: new File(['a'], 'b.txt') })
		).toEqual({ ok: false, error: 'closed' });
		expect(await db.selectFrom('portfolio_photos').select('id').execute()).toHaveLength(1);
		expect(await db.selectFrom('portfolio_files').select('id').execute()).toHaveLength(1);
	});

	it('reads a body cut off by the server’s size limit as a photo too big, not a missing one', async () => {
		const multipart = 'multipart/form-data; boundary=b';
		// adapter-node's body past BODY_SIZE_LIMIT: the stream fails with a 413 as it is read
		const cutOff = new ReadableStream({
			start: (c) =>
				c.error(Object.assign(new Error('Content-length exceeds limit'), { status: 413 }))
		});
		const over = new Request('http://x/photos', {
			method: 'POST',
			body: cutOff,
			duplex: 'half',
			headers: { 'content-type': multipart }
		} as RequestInit);
		expect(await readUploadForm(over)).toEqual({ ok: false, error: 'too_big' });
		// a declared length past the photo limit, however the reading failed
		const declared = new Request('http://x/photos', {
			method: 'POST',
			body: 'garbage',
			headers: { 'content-type': multipart, 'content-length': String(MAX_PHOTO_BYTES + 10) }
		});
		expect(await readUploadForm(declared)).toEqual({ ok: false, error: 'too_big' });
		// a small body that is not a form: a missing file
		const junk = new Request('http://x/photos', {
			method: 'POST',
			body: 'garbage',
			headers: { 'content-type': multipart }
		});
		expect(await readUploadForm(junk)).toEqual({ ok: false, error: 'missing_file' });
		const form = new FormData();
		form.set('stepKey', 'prototype');
		const good = await readUploadForm(
			new Request('http://x/photos', { method: 'POST', body: form })
		);
		expect(good.ok && good.form.get('stepKey')).toBe('prototype');
	});
});
