// Compression (brotli, else gzip) of the text the app answers with — pages, their data, JSON — for
// schools on thin links. Hashed assets are served precompressed by adapter-node (sirv), with their own
// content-encoding; those, images, tiny bodies, HEAD, 204 and 304 answers pass unchanged.
import zlib from 'node:zlib';

const TEXT = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/** Picks the encoding the client accepts: br first, then gzip. */
export function encodingFor(acceptEncoding) {
	const accept = String(acceptEncoding ?? '');
	if (/\bbr\b/.test(accept)) return 'br';
	if (/\bgzip\b/.test(accept)) return 'gzip';
	return null;
}

/** Makes res compress what is written to it, when the answer turns out to be text. */
export function compress(req, res) {
	const encoding = encodingFor(req.headers['accept-encoding']);
	if (!encoding || req.method === 'HEAD') return;
	const { writeHead, write, end } = res;
	let stream = null;
	let decided = false;

	function decide() {
		if (decided) return;
		decided = true;
		const type = String(res.getHeader('content-type') ?? '');
		const length = Number(res.getHeader('content-length') ?? NaN);
		if (res.getHeader('content-encoding') || !TEXT.test(type)) return;
		if (res.statusCode === 204 || res.statusCode === 304 || length < 512) return;
		res.removeHeader('content-length');
		res.setHeader('content-encoding', encoding);
		res.setHeader('vary', 'Accept-Encoding');
		stream =
			encoding === 'br'
				? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
				: zlib.createGzip({ level: 6 });
		stream.on('data', (chunk) => write.call(res, chunk));
		stream.on('end', () => end.call(res));
	}

	res.writeHead = function (status, ...rest) {
		const headers = rest.find((r) => r && typeof r === 'object');
		if (headers && !Array.isArray(headers))
			for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
		res.statusCode = status;
		decide();
		return writeHead.call(res, status);
	};
	res.write = function (chunk, enc, cb) {
		decide();
		if (!stream) return write.call(res, chunk, enc, cb);
		stream.write(chunk, typeof enc === 'string' ? enc : undefined);
		stream.flush(); // a streamed page arrives in parts: send each part as it comes
		if (typeof cb === 'function') cb();
		if (typeof enc === 'function') enc();
		return true;
	};
	res.end = function (chunk, enc, cb) {
		decide();
		if (!stream) return end.call(res, chunk, enc, cb);
		if (chunk && typeof chunk !== 'function')
			stream.end(chunk, typeof enc === 'string' ? enc : undefined);
		else stream.end();
		return res;
	};
}
