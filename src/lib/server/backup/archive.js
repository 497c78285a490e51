// A backup archive: a gzip-compressed tar (POSIX ustar) written and read with Node's built-ins only, so
// `tar -xzf` opens it too. Plain JavaScript: the server and the scripts (npm run backup/restore) share it.
import { createReadStream, closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

const BLOCK = 512;

/** @param {string} name @param {number} size @param {number} mtime seconds */
function header(name, size, mtime) {
	const h = Buffer.alloc(BLOCK);
	let prefix = '';
	let base = name;
	if (Buffer.byteLength(name) > 100) {
		const cut = name.lastIndexOf('/', 155);
		if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100)
			throw new Error(`The file name is too long for the archive: ${name}`);
		prefix = name.slice(0, cut);
		base = name.slice(cut + 1);
	}
	h.write(base, 0, 100, 'utf8');
	h.write('0000644\0', 100);
	h.write('0000000\0', 108);
	h.write('0000000\0', 116);
	h.write(size.toString(8).padStart(11, '0') + '\0', 124);
	h.write(Math.floor(mtime).toString(8).padStart(11, '0') + '\0', 136);
	h.write('        ', 148); // the checksum is counted with spaces in its place
	h.write('0', 156);
	h.write('ustar\0' + '00', 257);
	h.write(prefix, 345, 155, 'utf8');
	let sum = 0;
	for (const b of h) sum += b;
	h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
	return h;
}

/**
 * Writes `files` ({ name in the archive, path on disk }) into a .tar.gz at `sink` (a writable stream).
 * @param {{ name: string, path: string }[]} files
 * @param {import('node:stream').Writable} sink
 */
export async function writeArchive(files, sink) {
	async function* blocks() {
		for (const f of files) {
			const st = statSync(f.path);
			yield header(f.name, st.size, st.mtimeMs / 1000);
			let n = 0;
			for await (const chunk of createReadStream(f.path)) {
				n += chunk.length;
				yield chunk;
			}
			if (n !== st.size) throw new Error(`${f.path} changed while it was being archived`);
			if (n % BLOCK) yield Buffer.alloc(BLOCK - (n % BLOCK));
		}
		yield Buffer.alloc(2 * BLOCK);
	}
	await pipeline(Readable.from(blocks()), createGzip({ level: 6 }), sink);
}

/** @param {Buffer} h @param {number} start @param {number} len */
const text = (h, start, len) =>
	h
		.subarray(start, start + len)
		.toString('utf8')
		.replace(/\0.*$/s, '');

/**
 * Unpacks a .tar.gz into `dir` (made if needed); returns the names of its files. Refuses names that
 * would leave `dir`, and anything that is not a well-formed archive (with a message saying so).
 * @param {string} archive
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
export async function readArchive(archive, dir) {
	/** @type {string[]} */
	const names = [];
	let buf = Buffer.alloc(0);
	/** @type {{ fd: number, left: number, pad: number } | null} */
	let file = null;
	let ended = false;
	const take = () => {
		for (;;) {
			if (file) {
				if (file.left > 0) {
					if (!buf.length) return;
					const part = buf.subarray(0, Math.min(buf.length, file.left));
					writeSync(file.fd, part);
					file.left -= part.length;
					buf = buf.subarray(part.length);
					continue;
				}
				if (buf.length < file.pad) return;
				buf = buf.subarray(file.pad);
				closeSync(file.fd);
				file = null;
			}
			if (ended || buf.length < BLOCK) return;
			const h = buf.subarray(0, BLOCK);
			buf = buf.subarray(BLOCK);
			if (h.every((b) => b === 0)) {
				ended = true;
				return;
			}
			let sum = 0;
			for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
			if (parseInt(text(h, 148, 8).trim(), 8) !== sum) throw new Error('not a tar archive');
			const prefix = text(h, 345, 155);
			const name = (prefix ? prefix + '/' : '') + text(h, 0, 100);
			const size = parseInt(text(h, 124, 12).trim() || '0', 8);
			const type = text(h, 156, 1) || '0';
			const target = normalize(join(dir, name));
			if (!target.startsWith(normalize(dir) + sep) || name.startsWith('/'))
				throw new Error(`unsafe name in archive: ${name}`);
			const pad = size % BLOCK ? BLOCK - (size % BLOCK) : 0;
			if (type === '5') {
				mkdirSync(target, { recursive: true });
				continue;
			}
			if (type !== '0') throw new Error(`unexpected entry in archive: ${name}`);
			mkdirSync(dirname(target), { recursive: true });
			file = { fd: openSync(target, 'w'), left: size, pad };
			names.push(name);
		}
	};
	const sink = new Writable({
		write(chunk, _enc, done) {
			try {
				buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
				take();
				done();
			} catch (e) {
				done(/** @type {Error} */ (e));
			}
		}
	});
	try {
		await pipeline(createReadStream(archive), createGunzip(), sink);
	} finally {
		if (file) closeSync(/** @type {{ fd: number }} */ (file).fd);
	}
	if (!ended) throw new Error('the archive ends too early');
	return names;
}
