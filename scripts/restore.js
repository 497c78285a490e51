// npm run restore -- <archive>: puts a backup back in place of the database (DATABASE_PATH) and the
// uploads (UPLOADS_PATH), after checking it; refuses while a server is running on that database.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupError, settings } from '../src/lib/server/backup/backup.js';
import { restoreBackup } from '../src/lib/server/backup/restore.js';

const archive = process.argv[2];
if (!archive) {
	console.error('Say which backup to restore: npm run restore -- data/backups/mam-stem-….tar.gz');
	process.exit(1);
}
const s = settings();
const known = readdirSync(resolve(process.env.MIGRATIONS_DIR ?? 'migrations')).filter((f) =>
	/^\d{4}_[\w-]+\.sql$/.test(f)
);
try {
	const r = await restoreBackup({
		archive: resolve(archive),
		database: s.database,
		uploads: s.uploads,
		known
	});
	const taken = new Date(r.manifest.takenAt + 7 * 3_600_000).toISOString();
	console.log(
		`Restored the backup taken ${taken.slice(8, 10)}/${taken.slice(5, 7)}/${taken.slice(0, 4)} ` +
			`${taken.slice(11, 16)} (Vietnam time): the database with ${r.manifest.schools} schools and ` +
			`${r.manifest.pupils} pupils (schema ${r.manifest.schema.at(-1)}) into ${s.database}, and ` +
			`${r.uploads} uploaded files into ${s.uploads}.`
	);
	if (r.kept.length) console.log(`What was there before is kept at:\n  ${r.kept.join('\n  ')}`);
	console.log('Start the server again (npm start); it brings the schema up to date if needed.');
} catch (e) {
	console.error(e instanceof BackupError ? e.message : e);
	process.exit(1);
}
