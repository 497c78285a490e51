// A ZIP archive written with Node's built-ins only (the backup's tar.gz does the same): one entry at a
// time, so a pupil with many photos is streamed, never held whole. Names are UTF-8 (flag bit 11), so
// Vietnamese file names open as they were; photos (WebP) are stored, text is deflated.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
	/** The path inside the archive, '/' between folders. */
	name: string;
	/** The bytes, or a function reading them when the entry is written (null: the entry is skipped). */
	data: Buffer | (() => Promise<Buffer | null>);
	/** Deflate it (text); leave false for data already compressed (photos). */
	compress?: boolean;
	/** ms since the epoch; the archive records it to two seconds, in the zone Vietnam keeps (UTC+7). */
	modified?: number;
}

const UTF8 = 0x0800;

/** The MS-DOS time and date a ZIP stores, in Vietnam's time. */
function dosTime(ms: number): { time: number; date: number } {
	const d = new Date(ms + 7 * 3600_000);
	const year = Math.max(1980, d.getUTCFullYear());
	return {
		time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
		date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate()
	};
}

interface Written {
	name: Buffer;
	crc: number;
	method: number;
	packed: number;
	size: number;
	time: number;
	date: number;
	offset: number;
}

function localHeader(w: Written): Buffer {
	const h = Buffer.alloc(30);
	h.writeUInt32LE(0x04034b50, 0);
	h.writeUInt16LE(20, 4);
	h.writeUInt16LE(UTF8, 6);
	h.writeUInt16LE(w.method, 8);
	h.writeUInt16LE(w.time, 10);
	h.writeUInt16LE(w.date, 12);
	h.writeUInt32LE(w.crc, 14);
	h.writeUInt32LE(w.packed, 18);
	h.writeUInt32LE(w.size, 22);
	h.writeUInt16LE(w.name.length, 26);
	h.writeUInt16LE(0, 28);
	return Buffer.concat([h, w.name]);
}

function centralHeader(w: Written): Buffer {
	const h = Buffer.alloc(46);
	h.writeUInt32LE(0x02014b50, 0);
	h.writeUInt16LE(20, 4);
	h.writeUInt16LE(20, 6);
	h.writeUInt16LE(UTF8, 8);
	h.writeUInt16LE(w.method, 10);
	h.writeUInt16LE(w.time, 12);
	h.writeUInt16LE(w.date, 14);
	h.writeUInt32LE(w.crc, 16);
	h.writeUInt32LE(w.packed, 20);
	h.writeUInt32LE(w.size, 24);
	h.writeUInt16LE(w.name.length, 28);
	h.writeUInt32LE(w.offset, 42);
	return Buffer.concat([h, w.name]);
}

function endRecord(count: number, size: number, offset: number): Buffer {
	const e = Buffer.alloc(22);
	e.writeUInt32LE(0x06054b50, 0);
	e.writeUInt16LE(count, 8);
	e.writeUInt16LE(count, 10);
	e.writeUInt32LE(size, 12);
	e.writeUInt32LE(offset, 16);
	return e;
}

/** The archive's bytes, chunk by chunk (an entry is read only when its turn comes). */
export async function* zipChunks(entries: Iterable<ZipEntry>, now = Date.now()) {
	const written: Written[] = [];
	let offset = 0;
	for (const entry of entries) {
		const data = typeof entry.data === 'function' ? await entry.data() : entry.data;
		if (!data) continue;
		const body = entry.compress ? deflateRawSync(data) : data;
		const w: Written = {
			name: Buffer.from(entry.name.normalize('NFC'), 'utf8'),
			crc: crc32(data) >>> 0,
			method: entry.compress ? 8 : 0,
			packed: body.length,
			size: data.length,
			...dosTime(entry.modified ?? now),
			offset
		};
		const head = localHeader(w);
		yield head;
		yield body;
		offset += head.length + body.length;
		written.push(w);
	}
	const central = Buffer.concat(written.map(centralHeader));
	yield central;
	yield endRecord(written.length, central.length, offset);
}

/** The whole archive in memory (tests, small archives). */
export async function zipBuffer(entries: Iterable<ZipEntry>, now = Date.now()): Promise<Buffer> {
	const parts: Buffer[] = [];
	for await (const chunk of zipChunks(entries, now)) parts.push(chunk);
	return Buffer.concat(parts);
}

/** A name safe as one path segment in an archive: no folders, no control characters. */
export function safeSegment(name: string): string {
	// eslint-disable-next-line no-control-regex
	const clean = name.normalize('NFC').replace(/[/\\\x00-\x1f:*?"<>|]/g, '_');
	return clean.replace(/^\.+/, '_').slice(0, 120) || '_';
}

/** The archive as a download, streamed entry by entry. */
export function zipResponse(fileName: string, entries: Iterable<ZipEntry>): Response {
	const chunks = zipChunks(entries);
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(new Uint8Array(next.value));
		},
		async cancel() {
			await chunks.return(undefined);
		}
	});
	return new Response(body, {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="${fileName}"`,
			'Cache-Control': 'no-store'
		}
	});
}
