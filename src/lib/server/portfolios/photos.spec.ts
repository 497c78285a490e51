import { describe, expect, it, beforeAll } from 'vitest';
import { deflateSync } from 'node:zlib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import {
	checkFileName,
	MAX_PHOTO_BYTES,
	processPhoto,
	sniffFormat,
	storePhoto,
	readPhotoFile
} from './photos';
import { openTestDatabase } from '../db/testing';
import { makeProject } from '../projects/testing';

function crc32(buf: Buffer): number {
	let c = ~0;
	for (const b of buf) {
		c ^= b;
		for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
	}
	return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
}
/** A PNG that says 20000 × 20000: small on disk, 400 megapixels once decoded (a decompression bomb). */
function bombPng(): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(20000, 0);
	ihdr.writeUInt32BE(20000, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 0; // greyscale
	const rows = deflateSync(Buffer.alloc(20001 * 50));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', rows),
		chunk('IEND', Buffer.alloc(0))
	]);
}

let jpegWithGps: Buffer;
beforeAll(async () => {
	// A noisy picture, so the JPEG is big enough that cutting it leaves a valid header.
	const raw = Buffer.alloc(800 * 600 * 3);
	for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919) % 251;
	jpegWithGps = await sharp(raw, { raw: { width: 800, height: 600, channels: 3 } })
		.jpeg({ quality: 90 })
		.withExif({
			IFD0: { Make: 'PhoneCam', Copyright: 'Lớp 6A1' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '21/1 50/1 0/1',
				GPSLongitudeRef: 'E',
				GPSLongitude: '106/1 45/1 0/1'
			}
		})
		.toBuffer();
});

describe('photo upload validation', () => {
	it('accepts a real JPEG, re-encodes it to WebP without EXIF (no GPS), with a thumbnail', async () => {
		expect((await sharp(jpegWithGps).metadata()).exif).toBeDefined();
		const r = await processPhoto('nguyen-mau.jpg', jpegWithGps);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const full = await sharp(r.photo.full).metadata();
		expect(full.format).toBe('webp');
		expect(full.exif).toBeUndefined();
		expect(r.photo.full.includes(Buffer.from('PhoneCam'))).toBe(false);
		const thumb = await sharp(r.photo.thumb).metadata();
		expect(Math.max(thumb.width!, thumb.height!)).toBeLessThanOrEqual(320);
		expect(thumb.exif).toBeUndefined();
	});

	it('downscales a large photo to 1600 px on the longest side', async () => {
		const png = await sharp({
			create: { width: 3000, height: 1000, channels: 3, background: '#2a6' }
		})
			.png()
			.toBuffer();
		const r = await processPhoto('a.png', png);
		expect(r.ok && [r.photo.width, r.photo.height]).toEqual([1600, 533]);
	});

	it('refuses an HTML file renamed .jpg', async () => {
		const r = await processPhoto(
			'anh.jpg',
			Buffer.from('<!doctype html><script>alert(1)</script>')
		);
		expect(r).toEqual({ ok: false, error: 'type' });
	});

	it('refuses an SVG file renamed .jpg', async () => {
		const svg = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
		);
		expect(await processPhoto('anh.jpg', svg)).toEqual({ ok: false, error: 'type' });
	});

	it('refuses a truncated JPEG', async () => {
		const cut = jpegWithGps.subarray(0, Math.floor(jpegWithGps.length / 2));
		expect(sniffFormat(cut)).toBe('jpeg');
		expect(await processPhoto('anh.jpg', cut)).toEqual({ ok: false, error: 'corrupt' });
	});

	it('refuses a 20000 × 20000 PNG before decoding it', async () => {
		const bomb = bombPng();
		expect(bomb.length).toBeLessThan(200_000);
		const t = Date.now();
		expect(await processPhoto('bom.png', bomb)).toEqual({ ok: false, error: 'too_many_pixels' });
		expect(Date.now() - t).toBeLessThan(2000);
	});

	it('refuses a file over 15 MB', async () => {
		const big = Buffer.alloc(MAX_PHOTO_BYTES + 1);
		big.set([0xff, 0xd8, 0xff]);
		expect(await processPhoto('anh.jpg', big)).toEqual({ ok: false, error: 'too_big' });
	});

	it('names an iPhone HEIC/HEIF photo as such, by its bytes, and by its name when the bytes are no image', async () => {
		// The first box of an iPhone photo: size 24, 'ftyp', major brand 'heic', version 0, 'mif1' 'heic'.
		const heic = (major: string, ...compatible: string[]) => {
			const size = 16 + 4 * compatible.length;
			const box = Buffer.alloc(size + 64, 7);
			box.writeUInt32BE(size, 0);
			box.write('ftyp', 4, 'latin1');
			box.write(major, 8, 'latin1');
			box.writeUInt32BE(0, 12);
			compatible.forEach((b, i) => box.write(b, 16 + 4 * i, 'latin1'));
			return box;
		};
		for (const bytes of [
			heic('heic', 'mif1', 'heic'),
			heic('mif1', 'heic'),
			heic('heix'),
			heic('msf1', 'hevc')
		])
			expect(await processPhoto('IMG_0001.HEIC', bytes)).toEqual({ ok: false, error: 'heic' });
		// by its bytes whatever its name (a photo sent on, renamed)
		expect(await processPhoto('anh.jpg', heic('heic', 'mif1'))).toEqual({
			ok: false,
			error: 'heic'
		});
		// by its name when the bytes are no image; AVIF is another format, refused as an unknown type
		expect(await processPhoto('IMG_0002.heif', Buffer.from('not an image'))).toEqual({
			ok: false,
			error: 'heic'
		});
		expect(await processPhoto('anh.avif', heic('avif', 'mif1', 'miaf'))).toEqual({
			ok: false,
			error: 'name'
		});
		expect(await processPhoto('anh', heic('avif', 'mif1', 'miaf'))).toEqual({
			ok: false,
			error: 'type'
		});
		expect(await processPhoto('anh.jpg', Buffer.from('not an image'))).toEqual({
			ok: false,
			error: 'type'
		});
		// a real JPEG keeps working, even named .HEIC (the bytes decide)
		expect((await processPhoto('IMG_0003.HEIC', jpegWithGps)).ok).toBe(true);
	});

	it('says a HEIC photo over the limit is HEIC (converting it is what to do), other files too big', async () => {
		const big = Buffer.alloc(MAX_PHOTO_BYTES + 1);
		big.write('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic', 0, 'latin1');
		expect(await processPhoto('IMG_0001.HEIC', big)).toEqual({ ok: false, error: 'heic' });
		expect(await processPhoto('IMG_0001.png', Buffer.alloc(MAX_PHOTO_BYTES + 1))).toEqual({
			ok: false,
			error: 'too_big'
		});
	});

	it('refuses names with ../ or a double extension', async () => {
		for (const bad of [
			'../anh.jpg',
			'..\\anh.jpg',
			'a/../../etc.jpg',
			'anh.php.jpg',
			'anh.jpg.html',
			'anh.html',
			'.htaccess'
		])
			expect(checkFileName(bad), bad).toBe(false);
		for (const good of ['Ảnh mẫu 1.jpg', 'IMG_2031.JPEG', 'sketch.webp', 'photo', 'IMG_0001.HEIC'])
			expect(checkFileName(good), good).toBe(true);
		expect(await processPhoto('anh.php.jpg', jpegWithGps)).toEqual({ ok: false, error: 'name' });
	});

	it('stores a retried upload once (same client key) and keeps files outside the served folders', async () => {
		process.env.UPLOADS_PATH = mkdtempSync(join(tmpdir(), 'mam-uploads-'));
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		const r = await processPhoto('a.jpg', jpegWithGps);
		if (!r.ok) throw new Error('expected ok');
		const input = {
			teamId: p.teamId,
			stepKey: 'problem',
			authorId: p.pupils[0],
			clientKey: 'retry-key-123',
			caption: '',
			photo: r.photo
		};
		const first = await storePhoto(db, input);
		const second = await storePhoto(db, input);
		expect(second).toBe(first);
		const rows = await db.selectFrom('portfolio_photos').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(await readPhotoFile(rows[0].stored_name, 'full')).not.toBeNull();
		expect(await readPhotoFile('../../etc/passwd', 'full')).toBeNull();
	});
});
