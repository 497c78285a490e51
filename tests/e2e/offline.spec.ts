import { expect, test, type Page } from '@playwright/test';
import { DEMO, newPupil, signIn, signInPupil } from './helpers';

/**
 * Waits until the service worker controls the page (it has kept the app shell). Now and then, on a
 * busy machine, the page the worker was installed from is not claimed: the next page a pupil opens
 * is controlled, so the page is opened again once.
 */
async function controlled(page: Page) {
	const control = (timeout: number) =>
		page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout });
	try {
		await control(20_000);
	} catch {
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.reload();
		await control(30_000);
	}
}

/** Waits until the device keeps a page (the service worker's cache). */
async function kept(page: Page, path: string) {
	await page.waitForFunction(
		async (p) => !!(await caches.match(new URL(p, location.origin).href)),
		path,
		{ timeout: 60_000 }
	);
}

async function dragFromToolbox(page: Page, category: string, to?: { x: number; y: number }) {
	await page.locator('.blocklyToolboxCategory', { hasText: category }).click();
	const block = page
		.locator('.blocklyToolboxFlyout .blocklyBlockCanvas > .blocklyDraggable')
		.first();
	await expect(block).toBeVisible();
	const box = (await block.boundingBox())!;
	if (!to) {
		const flyout = (await page.locator('.blocklyToolboxFlyout').boundingBox())!;
		to = { x: flyout.x + flyout.width + 30, y: flyout.y + 60 };
	}
	await page.mouse.move(box.x + 8, box.y + 8);
	await page.mouse.down();
	await page.mouse.move(box.x + 60, box.y + 20, { steps: 5 });
	await page.mouse.move(to.x + 8, to.y + 8, { steps: 10 });
	await page.mouse.move(to.x + 10, to.y + 10, { steps: 2 });
	await page.mouse.move(to.x + 8, to.y + 8, { steps: 2 });
	await page.waitForTimeout(100);
	await page.mouse.up();
}

const topBlocks = (page: Page) =>
	page.locator('svg.blocklySvg > .blocklyWorkspace > .blocklyBlockCanvas > .blocklyBlock');

test('without a network a pupil opens, solves and submits; the server grades it once when the network returns', async ({
	page,
	context
}) => {
	// First visit, online: the home page, the exercise list and the exercise are kept on the device.
	await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '4A'));
	await controlled(page);
	await kept(page, '/learn/exercises/__data.json');
	await page.goto('/learn/exercises');
	await page.getByRole('link', { name: 'Lối mòn thẳng tắp' }).click();
	await expect(page.locator('.injectionDiv')).toBeVisible();
	const exercise = new URL(page.url()).pathname;
	await kept(page, exercise); // opened by a tap: its page is kept as well as its data

	// The network is cut: the to-do list as last seen, marked as such; the exercise opens.
	await context.setOffline(true);
	await page.goto('/learn');
	await expect(page.getByRole('heading', { name: 'Việc cần làm' })).toBeVisible();
	await expect(page.getByTestId('last-seen')).toContainText('như lần xem cuối');
	await expect(page.getByTestId('offline-banner')).toBeVisible();
	await page.goto(exercise);
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.getByTestId('run')).toBeEnabled();

	// Solve: repeat 7 times "move forward"; step and run work on the device.
	await dragFromToolbox(page, 'Vòng lặp');
	await expect(topBlocks(page)).toHaveCount(1);
	const loop = (await topBlocks(page).first().boundingBox())!;
	await dragFromToolbox(page, 'Rô-bốt', { x: loop.x + 76, y: loop.y + 36 });
	await expect(topBlocks(page)).toHaveCount(1);
	await page.locator('svg.blocklySvg .blocklyEditableField', { hasText: '4' }).first().click();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('7');
	await page.keyboard.press('Enter');
	await page.getByTestId('step').click();
	await expect(page.getByTestId('running-block')).toContainText('Đang chạy khối lệnh: lặp lại');
	await page.getByTestId('reset').click();
	await page.getByTestId('run').click();
	await expect(page.getByTestId('verdict')).toContainText('bài đã được lưu trên máy', {
		timeout: 20_000
	});
	await expect(page.getByTestId('outbox-waiting')).toContainText('1 bài đang chờ gửi');

	// The tablet is closed and opened again, still without a network: the submission still waits.
	await page.reload();
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.getByTestId('outbox-waiting')).toContainText('1 bài đang chờ gửi');
	await expect(page.getByTestId('graded-notice')).toHaveCount(0);

	// The network returns: sent, graded on the server, the verdict shown once.
	await context.setOffline(false);
	await expect(page.getByTestId('graded-notice')).toHaveCount(1);
	await expect(page.getByTestId('graded-notice')).toContainText(
		'Bài đã được chấm: ★★★ — «Lối mòn thẳng tắp»'
	);
	await expect(page.getByTestId('outbox-waiting')).toHaveCount(0);
	await expect(page.getByTestId('best')).toContainText('3 sao');
	await page.reload();
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.getByTestId('best')).toContainText('3 sao');
	await page.waitForTimeout(1000); // a resend would have answered by now
	await expect(page.getByTestId('graded-notice')).toHaveCount(0);
});

test('the open exercise set is kept after the home page: it opens without a network', async ({
	page,
	context
}) => {
	await signInPupil(page, await newPupil(page, DEMO.teacher, '6A1'));
	await controlled(page);
	const set = page.getByRole('link', { name: /Bộ bài lập trình: tuần này/ });
	const href = (await set.getAttribute('href'))!;
	// The set's page as kept on the device names its first exercise. (Seen rarely in full runs: the kept
	// page gone again just after; the home page asks to keep the open sets on every visit, so it is
	// opened again then.)
	let first = '';
	await expect
		.poll(
			async () => {
				first = await page.evaluate(async (h) => {
					const kept = await caches.match(new URL(h, location.origin).href);
					return kept
						? (/href="(\/learn\/exercises\/\d+)"/.exec(await kept.text())?.[1] ?? '')
						: '';
				}, href);
				if (!first) await page.reload();
				return first;
			},
			{ timeout: 45_000, intervals: [2_000] }
		)
		.toMatch(/^\/learn\/exercises\/\d+$/);
	await kept(page, href + '/__data.json');
	await kept(page, first);
	await kept(page, first + '/__data.json');

	await context.setOffline(true);
	await set.click();
	await expect(page).toHaveURL(new RegExp(href + '$'));
	await page.locator(`a[href="${first}"]`).click();
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.getByTestId('run')).toBeEnabled();
	await context.setOffline(false);
});

test('the same submission sent twice is recorded once and answered with the first verdict', async ({
	page
}) => {
	await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '4A'));
	await page.goto('/learn/exercises');
	await page.getByRole('link', { name: 'Lối mòn thẳng tắp' }).click();
	await expect(page).toHaveURL(/\/learn\/exercises\/\d+$/);
	const id = page.url().split('/').pop();
	const data = {
		workspace: JSON.stringify({
			blocks: { languageVersion: 0, blocks: [{ type: 'maze_forward' }] }
		}),
		key: 's-offline-e2e-0123456789',
		madeAt: Date.now() - 60_000
	};
	const first = await (await page.request.post(`/learn/exercises/${id}/submit`, { data })).json();
	const again = await (await page.request.post(`/learn/exercises/${id}/submit`, { data })).json();
	expect(first.duplicate).toBe(false);
	expect(again).toEqual({ ...first, duplicate: true });
});

test('a teacher’s form sent without a network keeps what was typed and says why', async ({
	page,
	context
}) => {
	await signIn(page, DEMO.teacher, '/teach');
	await page.goto('/account/password');
	const field = page.locator('input[type="password"]').first();
	await field.fill('mat-khau-dang-go');
	await page.locator('#password').fill('Mot-mat-khau-moi-2026');
	await page.locator('#confirm').fill('Mot-mat-khau-moi-2026');
	await context.setOffline(true);
	await expect(page.getByTestId('offline-banner')).toContainText('Không có mạng');
	await page.locator('main form button[type="submit"]').first().click();
	await expect(page.getByTestId('offline-banner')).toContainText('Chưa gửi được');
	await expect(field).toHaveValue('mat-khau-dang-go');
	await context.setOffline(false);
	await expect(page.getByTestId('offline-banner')).toHaveCount(0);
});
