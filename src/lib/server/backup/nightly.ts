// The nightly backup: at BACKUP_AT (default 02:00, Vietnam time), in the one process that runs jobs.
// It runs `scripts/backup.js` as a child process, so the copy does not hold up the server's answers;
// the script records the attempt (backup_runs, audit trail) whether it succeeds or fails.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { scheduleDaily } from '../jobs/schedule';

export function scheduleBackups(env: NodeJS.ProcessEnv = process.env): () => void {
	return scheduleDaily({
		name: 'backup',
		at: env.BACKUP_AT ?? '02:00',
		run: () =>
			new Promise<void>((done, fail) => {
				const child = spawn(process.execPath, [resolve('scripts/backup.js')], {
					env,
					stdio: ['ignore', 'inherit', 'inherit']
				});
				child.on('error', fail);
				child.on('exit', (code) =>
					code === 0 ? done() : fail(new Error(`the backup script ended with code ${code}`))
				);
			})
	});
}
