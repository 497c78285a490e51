import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DEMO, newPupil, openClass, signIn, signInPupil, signOut } from './helpers';

const SCREENS = process.env.SCREENS_DIR ?? '/work/brief/screens';

async function shot(page: Page, name: string) {
	try {
		mkdirSync(SCREENS, { recursive: true });
		await page.screenshot({ path: `${SCREENS}/${name}.png` });
	} catch {
		// screenshots are for the note; a read-only disk fails nothing
	}
}

/** Drags the first block of a toolbox category's flyout onto the workspace, beside the flyout. */
async function drag(page: Page, category: string) {
	await page.locator('.blocklyToolboxCategory', { hasText: category }).click();
	const block = page
		.locator('.blocklyToolboxFlyout .blocklyBlockCanvas > .blocklyDraggable')
		.first();
	await expect(block).toBeVisible();
	const box = (await block.boundingBox())!;
	const flyout = (await page.locator('.blocklyToolboxFlyout').boundingBox())!;
	const to = { x: flyout.x + flyout.width + 40, y: flyout.y + 60 };
	await page.mouse.move(box.x + 8, box.y + 8);
	await page.mouse.down();
	await page.mouse.move(box.x + 60, box.y + 20, { steps: 5 });
	await page.mouse.move(to.x, to.y, { steps: 10 });
	await page.mouse.up();
}

const strokesOnStage = (page: Page) => page.locator('.stage svg line[stroke="#1b7a4a"]');

test('a pupil draws, saves and shares a drawing; a classmate sees it until the teacher hides it; other classes and schools get 404', async ({
	page
}) => {
	test.setTimeout(300_000);
	await page.setViewportSize({ width: 1024, height: 600 });
	const teacher = DEMO.primaryTeacher;
	const artist = await newPupil(page, teacher, '3A');
	const mate = await newPupil(page, teacher, '3A');
	const elsewhere = await newPupil(page, teacher, '4A');

	// The artist: home → Sân chơi → a new drawing; one block dragged from the course's "Rùa" blocks.
	await signInPupil(page, artist);
	await page.getByTestId('play-link').click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Sân chơi');
	await page.getByTestId('new-drawing').click();
	await expect(page).toHaveURL(/\/learn\/play\/\d+$/);
	const drawingUrl = page.url();
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await expect(page.locator('.blocklyToolboxCategory', { hasText: 'Vòng lặp' })).toBeVisible();
	await expect(page.locator('.blocklyToolboxCategory', { hasText: 'Rô-bốt' })).toHaveCount(0);
	// Keyboard navigation is on here as on an exercise, with its help beside the workspace.
	await expect(page.locator('[data-keyboard="ready"]')).toBeAttached();
	await expect(page.getByTestId('keyboard-help')).toBeVisible();
	await drag(page, 'Rùa');
	await page.getByTestId('run').click();
	await expect(strokesOnStage(page)).toHaveCount(1);
	await expect(page.getByTestId('turtle')).toBeVisible();
	await page.getByLabel('Tên bức vẽ').fill('Cầu Kỳ Cùng');
	await expect(page.getByTestId('save-state')).toHaveText('Chưa lưu');
	await page.getByTestId('save').click();
	await expect(page.getByTestId('save-state')).toContainText('Đã lưu');
	await shot(page, 'playground-canvas');

	// Reopened, it is there with its blocks; shared with the class.
	await page.goto('/learn/play');
	const mine = page.getByTestId('my-drawings').getByRole('link', { name: /Cầu Kỳ Cùng/ });
	await expect(mine.getByTestId('drawing')).toHaveAttribute('data-strokes', '1');
	await mine.click();
	await expect(page.getByLabel('Tên bức vẽ')).toHaveValue('Cầu Kỳ Cùng');
	await expect(
		page.locator('svg.blocklySvg > .blocklyWorkspace > .blocklyBlockCanvas > .blocklyBlock')
	).toHaveCount(1);
	await expect(page.getByTestId('share-state')).toContainText('Chỉ mình em');
	await page.getByRole('button', { name: 'Chia sẻ với lớp' }).click();
	await expect(page.getByTestId('share-state')).toContainText('Cả lớp em đang xem được');
	// A second drawing, never shared.
	await page.goto('/learn/play');
	await page.getByTestId('new-drawing').click();
	await expect(page).toHaveURL(/\/learn\/play\/\d+$/);
	const privateUrl = page.url();
	expect(privateUrl).not.toBe(drawingUrl);
	// A third one, deleted once confirmed.
	await page.goto('/learn/play');
	await page.getByTestId('new-drawing').click();
	await expect(page).toHaveURL(/\/learn\/play\/\d+$/);
	page.once('dialog', (d) => d.accept());
	await page.getByRole('button', { name: 'Xoá bức vẽ' }).click();
	await expect(page).toHaveURL(/\/learn\/play\?deleted/);
	await expect(page.getByRole('status')).toContainText('Đã xoá bức vẽ');
	await expect(page.getByTestId('my-drawings').getByRole('link')).toHaveCount(2);
	await signOut(page);

	// A classmate sees the shared drawing (not the other one).
	await signInPupil(page, mate);
	await page.goto('/learn/play');
	const shared = page.getByTestId('class-drawings').getByRole('link', { name: /Cầu Kỳ Cùng/ });
	await expect(shared).toBeVisible();
	await shot(page, 'playground-class');
	await shared.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cầu Kỳ Cùng');
	await expect(page.getByTestId('drawing')).toHaveAttribute('data-strokes', '1');
	expect((await page.goto(privateUrl))!.status()).toBe(404);
	await signOut(page);

	// A pupil of another class: 404.
	await signInPupil(page, elsewhere);
	expect((await page.goto(drawingUrl))!.status()).toBe(404);
	await page.goto('/learn/play');
	await expect(page.getByText('Cầu Kỳ Cùng')).toHaveCount(0);
	await signOut(page);

	// The teacher hides it with one click.
	await signIn(page, teacher, '/teach');
	const classUrl = await openClass(page, '3A');
	await page.getByRole('link', { name: /Sân chơi của lớp/ }).click();
	const card = page.getByTestId('class-drawing').filter({ hasText: 'Cầu Kỳ Cùng' });
	await expect(card).toContainText(artist.name);
	await card.getByRole('button', { name: 'Ẩn khỏi lớp' }).click();
	await expect(page.getByRole('status')).toContainText('Đã ẩn bức vẽ “Cầu Kỳ Cùng”');
	await expect(card).toContainText('Đang ẩn');
	await signOut(page);

	// The classmate no longer sees it.
	await signInPupil(page, mate);
	expect((await page.goto(drawingUrl))!.status()).toBe(404);
	await page.goto('/learn/play');
	await expect(page.getByText('Cầu Kỳ Cùng')).toHaveCount(0);
	await signOut(page);

	// A teacher of another school: the class's playground is a 404.
	await signIn(page, { username: 'gv.mai', password: DEMO.teacher.password }, '/teach');
	expect((await page.goto(classUrl + '/play'))!.status()).toBe(404);
	await signOut(page);

	// The teacher shows it again; the classmate sees it again.
	await signIn(page, teacher, '/teach');
	await page.goto(classUrl + '/play');
	await card.getByRole('button', { name: 'Hiện lại' }).click();
	await expect(page.getByRole('status')).toContainText('Lớp lại xem được');
	await signOut(page);
	await signInPupil(page, mate);
	expect((await page.goto(drawingUrl))!.status()).toBe(200);
});
