// What both the page and the server know about portfolio photos: the size limit, and how to tell an
// iPhone's HEIC/HEIF photo (which no browser but Safari and no server library here can read) from
// its first bytes, so the refusal names the real cause.

export const MAX_PHOTO_MB = 15;
export const MAX_PHOTO_BYTES = MAX_PHOTO_MB * 1024 * 1024;

/** HEIF brands (HEIC of iPhones, generic HEIF images and sequences). AVIF shares the box, not these. */
const HEIF_BRANDS = new Set([
	'heic',
	'heix',
	'heim',
	'heis',
	'hevc',
	'hevx',
	'hevm',
	'hevs',
	'heif',
	'mif1',
	'msf1'
]);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/**
 * An ISO-BMFF file whose first box is `ftyp` with a HEIF brand, major or compatible: bytes 4–8
 * `ftyp`, 8–12 the major brand, 12–16 a version, then compatible brands to the box's end. A file
 * that also names an AVIF brand is AVIF (refused as an unknown type, not as an iPhone photo).
 */
export function isHeif(bytes: Uint8Array): boolean {
	if (bytes.length < 12) return false;
	const ascii = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
	if (ascii(4) !== 'ftyp') return false;
	const boxSize = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
	const end = Math.min(bytes.length, boxSize >= 16 ? boxSize : 16, 256);
	const brands = [ascii(8)];
	for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(at));
	if (brands.some((b) => AVIF_BRANDS.has(b))) return false;
	return brands.some((b) => HEIF_BRANDS.has(b));
}

/** A name ending in .heic or .heif (as an iPhone names its photos: IMG_0001.HEIC). */
export const hasHeifName = (name: string) => /\.(heic|heif)$/i.test(name.trim());

/**
 * In the browser, before a photo travels: a refusal the server would make anyway, said at once and
 * without sending megabytes over the school's Wi-Fi. `blob` is the photo as it would be sent (after
 * downscaling: a photo the browser could read is a small JPEG by then).
 */
export async function precheckPhoto(blob: Blob, name: string): Promise<'heic' | 'too_big' | null> {
	const head = new Uint8Array(await blob.slice(0, 256).arrayBuffer());
	if (isHeif(head)) return 'heic';
	if (blob.size > MAX_PHOTO_BYTES) return 'too_big';
	const image =
		head[0] === 0xff || head[0] === 0x89 || String.fromCharCode(...head.subarray(0, 4)) === 'RIFF';
	if (!image && hasHeifName(name)) return 'heic';
	return null;
}
