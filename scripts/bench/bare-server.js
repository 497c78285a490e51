// The yardstick for npm run bench:load: a bare node:http + better-sqlite3 server doing the autosave's
// work (session looked up by SHA-256, JSON parsed, versioned upsert, WAL + synchronous=FULL), no more.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const db = new Database(process.env.DATABASE_PATH);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const session = db.prepare(
	'SELECT u.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND s.expires_at > ?'
);
const upsert = db.prepare(
	`INSERT INTO exercise_work (exercise_id, pupil_id, version, workspace, updated_at) VALUES (?, ?, ?, ?, ?)
	 ON CONFLICT (exercise_id, pupil_id) DO UPDATE SET version = excluded.version,
	 workspace = excluded.workspace, updated_at = excluded.updated_at
	 WHERE exercise_work.version < excluded.version RETURNING version`
);

createServer((req, res) => {
	const m = /^\/learn\/exercises\/(\d+)\/save$/.exec(req.url ?? '');
	const token = /(?:^|; )session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
	const chunks = [];
	req.on('data', (c) => chunks.push(c));
	req.on('end', () => {
		const user = token
			? session.get(createHash('sha256').update(token).digest('hex'), Date.now())
			: undefined;
		if (!m || !user) {
			res.writeHead(404).end();
			return;
		}
		const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		const row = upsert.get(Number(m[1]), user.id, body.version, body.workspace, Date.now());
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ saved: !!row, version: row?.version ?? body.version }));
	});
}).listen(Number(process.env.PORT), '127.0.0.1');
