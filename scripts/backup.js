// npm run backup: a consistent copy of the database (taken while the server runs) and the uploads, in
// one dated archive under BACKUP_DIR (default data/backups); archives older than BACKUP_KEEP days
// (default 14) are removed once the new one is written.
import { BackupError, runBackup, settings } from '../src/lib/server/backup/backup.js';

const s = settings();
try {
	const done = await runBackup(s);
	const mb = (done.bytes / 1_048_576).toFixed(1);
	console.log(
		`Backup written: ${done.file} (${mb} MB): the database (schema ${done.schema}) and ${done.uploads} uploaded files.`
	);
	if (done.removed.length)
		console.log(`Removed ${done.removed.length} backups older than ${s.keepDays} days.`);
} catch (e) {
	console.error(e instanceof BackupError ? e.message : e);
	process.exit(1);
}
