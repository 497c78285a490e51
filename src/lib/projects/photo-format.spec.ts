import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, isHeif, precheckPhoto } from './photo-format';

/** The first box of an ISO-BMFF file: 'ftyp', a major brand, a version, compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array<ArrayBuffer> {
	const size = 16 + 4 * compatible.length;
	const bytes = new Uint8Array(size + 32);
	new DataView(bytes.buffer).setUint32(0, size);
	const put = (text: string, at: number) =>
		[...text].forEach((c, i) => (bytes[at + i] = c.charCodeAt(0)));
	put('ftyp', 4);
	put(major, 8);
	compatible.forEach((b, i) => put(b, 16 + 4 * i));
	return bytes;
}

describe('photo formats', () => {
	it('recognises HEIC/HEIF by the ftyp box, not AVIF nor other files', () => {
		expect(isHeif(ftyp('heic', 'mif1', 'heic'))).toBe(true);
		expect(isHeif(ftyp('mif1', 'heic'))).toBe(true);
		expect(isHeif(ftyp('heix'))).toBe(true);
		expect(isHeif(ftyp('avif', 'mif1', 'miaf'))).toBe(false);
		expect(isHeif(ftyp('isom', 'mp41'))).toBe(false); // a video
		expect(isHeif(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe(false);
		expect(isHeif(new Uint8Array(0))).toBe(false);
	});

	it('refuses in the browser, unsent, a HEIC photo and a file over the limit', async () => {
		const blob = (parts: BlobPart[]) => new Blob(parts);
		expect(await precheckPhoto(blob([ftyp('heic', 'mif1')]), 'IMG_0001.HEIC')).toBe('heic');
		expect(await precheckPhoto(blob([ftyp('heic')]), 'anh.jpg')).toBe('heic');
		expect(await precheckPhoto(blob(['not a picture']), 'IMG_0002.heif')).toBe('heic');
		const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
		big.set([0xff, 0xd8, 0xff]);
		expect(await precheckPhoto(blob([big]), 'anh.jpg')).toBe('too_big');
		expect(await precheckPhoto(blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])]), 'a.jpg')).toBe(
			null
		);
		// a JPEG named .HEIC, and files the server judges (its message names the cause)
		expect(await precheckPhoto(blob([new Uint8Array([0xff, 0xd8, 0xff])]), 'b.HEIC')).toBe(null);
		expect(await precheckPhoto(blob(['<html>']), 'anh.jpg')).toBe(null);
	});
});
