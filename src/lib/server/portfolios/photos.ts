// Portfolio photos: recognised by their bytes, never by name or declared type; re-encoded to WebP
// (which drops EXIF, GPS included) with a thumbnail; kept under UPLOADS_PATH, outside the served folders.
import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { Conn } from '../db';
import { MAX_PHOTO_BYTES, hasHeifName, isHeif } from '../../projects/photo-format';

export { MAX_PHOTO_BYTES };
/** 40 megapixels: more than any phone camera, far less than a decompression bomb. */
export const MAX_PIXELS = 40_000_000;
export const FULL_SIDE = 1600;
export const THUMB_SIDE = 320;

export type PhotoError =
	'name' | 'empty' | 'too_big' | 'heic' | 'type' | 'too_many_pixels' | 'corrupt';

export function uploadsRoot(): string {
	return resolve(process.env.UPLOADS_PATH ?? 'data/uploads');
}

/** Does the text hold a control character (U+0000 to U+001F: NUL, tab, line ends, escape...)? */
export function hasControlChar(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
	return false;
}

/**
 * A name is refused when it hides a path (`../`, slashes) or a second extension (`photo.php.jpg`,
 * `anh.jpg.html`), which tricks people and some servers into trusting the wrong type. `.heic` and
 * `.heif` pass: such a photo is then refused for its format, which is the cause to name.
 */
export function checkFileName(name: string): boolean {
	const n = name.normalize('NFC');
	if (!n || n.length > 200) return false;
	if (/[/\\\0]/.test(n) || n.includes('..') || hasControlChar(n)) return false;
	if (n.startsWith('.')) return false;
	const parts = n.split('.');
	if (parts.length > 2) return false; // more than one dot: a double extension
	return parts.length === 2 ? /^(jpe?g|png|webp|heic|heif)$/i.test(parts[1]) : true;
}

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

/** The format from the first bytes (magic numbers). */
export function sniffFormat(bytes: Uint8Array): PhotoFormat | null {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
		return 'jpeg';
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
	if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	return null;
}

export interface ProcessedPhoto {
	full: Buffer;
	thumb: Buffer;
	width: number;
	height: number;
}

/**
 * Checks a photo and re-encodes it. The size in pixels is read from the header before any decoding,
 * so a 20000 × 20000 PNG is refused without inflating it; a truncated file fails the decoding.
 * An iPhone's HEIC photo is named as such (by its bytes, or by its name when the bytes are no
 * image at all), before its size or name: converting it is what the pupil needs to do.
 */
export async function processPhoto(
	name: string,
	bytes: Buffer
): Promise<{ ok: true; photo: ProcessedPhoto } | { ok: false; error: PhotoError }> {
	if (bytes.length === 0) return { ok: false, error: 'empty' };
	if (isHeif(bytes)) return { ok: false, error: 'heic' };
	if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, error: 'too_big' };
	if (!checkFileName(name)) return { ok: false, error: 'name' };
	const format = sniffFormat(bytes);
	if (!format) return { ok: false, error: hasHeifName(name) ? 'heic' : 'type' };
	let meta: Metadata;
	try {
		meta = await sharp(bytes, { limitInputPixels: false }).metadata();
	} catch {
		return { ok: false, error: 'corrupt' };
	}
	if (meta.format !== format) return { ok: false, error: 'type' };
	if (!meta.width || !meta.height) return { ok: false, error: 'corrupt' };
	if (meta.width * meta.height > MAX_PIXELS || (meta.pages ?? 1) > 1)
		return { ok: false, error: 'too_many_pixels' };
	try {
		const input = () =>
			sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'truncated' }).rotate();
		const full = await input()
			.resize({ width: FULL_SIDE, height: FULL_SIDE, fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 80 })
			.toBuffer({ resolveWithObject: true });
		const thumb = await input()
			.resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 70 })
			.toBuffer();
		return {
			ok: true,
			photo: { full: full.data, thumb, width: full.info.width, height: full.info.height }
		};
	} catch {
		return { ok: false, error: 'corrupt' };
	}
}

const pathOf = (stored: string, size: 'full' | 'thumb') =>
	join(uploadsRoot(), 'photos', size === 'full' ? `${stored}.webp` : `${stored}.thumb.webp`);

/**
 * Stores a checked photo for a team's step. A retried upload (same client key) is stored once:
 * the first copy's id is returned.
 */
export async function storePhoto(
	db: Conn,
	input: {
		teamId: number;
		stepKey: string;
		authorId: number;
		clientKey: string | null;
		caption: string;
		photo: ProcessedPhoto;
	},
	now = Date.now()
): Promise<number> {
	const clientKey =
		input.clientKey && /^[A-Za-z0-9-]{8,64}$/.test(input.clientKey) ? input.clientKey : null;
	if (clientKey) {
		const same = await db
			.selectFrom('portfolio_photos')
			.select('id')
			.where('team_id', '=', input.teamId)
			.where('client_key', '=', clientKey)
			.executeTakeFirst();
		if (same) return same.id;
	}
	const stored = randomBytes(16).toString('hex');
	await mkdir(join(uploadsRoot(), 'photos'), { recursive: true });
	await writeFile(pathOf(stored, 'full'), input.photo.full);
	await writeFile(pathOf(stored, 'thumb'), input.photo.thumb);
	try {
		const row = await db
			.insertInto('portfolio_photos')
			.values({
				team_id: input.teamId,
				step_key: input.stepKey,
				author_id: input.authorId,
				client_key: clientKey,
				caption: input.caption,
				stored_name: stored,
				width: input.photo.width,
				height: input.photo.height,
				bytes: input.photo.full.length,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	} catch (e) {
		await rm(pathOf(stored, 'full'), { force: true });
		await rm(pathOf(stored, 'thumb'), { force: true });
		throw e;
	}
}

export async function getPhoto(db: Conn, id: number) {
	return db.selectFrom('portfolio_photos').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function readPhotoFile(
	stored: string,
	size: 'full' | 'thumb'
): Promise<Buffer | null> {
	if (!/^[0-9a-f]{32}$/.test(stored)) return null;
	try {
		return await readFile(pathOf(stored, size));
	} catch {
		return null;
	}
}
