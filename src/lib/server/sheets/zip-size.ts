// How much a zip file (an .xlsx) unpacks to, found by unpacking it with a ceiling: a zip bomb (a few
// hundred KB that unzip to gigabytes) is stopped at the ceiling before anything parses it. The
// sizes a zip declares are not trusted; each entry is inflated with zlib's maxOutputLength.
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The bytes the entries unpack to, or null when that passes `ceiling` or the zip is not one we read. */
export function unpackedSize(bytes: Uint8Array, ceiling: number): number | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
	const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--)
		if (u32(at) === EOCD) {
			end = at;
			break;
		}
	if (end < 0) return null;
	const entries = u16(end + 10);
	let at = u32(end + 16);
	let total = 0;
	for (let i = 0; i < entries; i++) {
		if (u32(at) !== CENTRAL) return null;
		const method = u16(at + 10);
		const packed = u32(at + 20);
		const local = u32(at + 42);
		at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
		if (u32(local) !== LOCAL) return null;
		const start = local + 30 + u16(local + 26) + u16(local + 28);
		if (start + packed > bytes.length) return null;
		const data = bytes.subarray(start, start + packed);
		if (method === 0) total += packed;
		else if (method === 8) {
			try {
				total += inflateRawSync(data, { maxOutputLength: ceiling - total + 1 }).length;
			} catch {
				return null; // past the ceiling (RangeError), or not deflate data
			}
		} else return null;
		if (total > ceiling) return null;
	}
	return total;
}
