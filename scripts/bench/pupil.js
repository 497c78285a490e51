// The benchmarks' pupil (grade.js, pages.js): the first pupil of TH Chi Lăng 4A signs in as a child
// would, with the class code and the pictures printed on their login card (teacher gv.lan's cards).

/**
 * Signs the pupil in on `page` (a page of a browser context whose baseURL is the server). Returns the
 * teacher's signed-in state and the class's page, taken on the way.
 */
export async function signInPupil4A(page) {
	await page.goto('/login');
	await page.locator('#username').fill('gv.lan');
	await page.locator('#password').fill('mamstem-demo');
	await page.locator('main form button[type="submit"]').click();
	await page.waitForURL(/\/teach/);
	await page
		.getByRole('link', { name: /Lớp 4A\b/ })
		.first()
		.click();
	await page.waitForURL(/\/teach\/classes\/\d+$/);
	const classPage = new URL(page.url()).pathname;
	const teacher = await page.context().storageState();
	await page.goto(page.url() + '/cards');
	const card = page.locator('.login-card').first();
	const name = (await card.locator('.name').textContent()).trim();
	const code = (await card.locator('.code').textContent()).trim();
	const pictures = (await card.locator('.pic').allTextContents()).map((p) => p.trim());
	await page.context().clearCookies();
	await page.goto('/join');
	await page.getByLabel(/Mã lớp/).fill(code.toLowerCase());
	await page.getByRole('button', { name: /Tiếp tục/ }).click();
	await page.getByRole('link', { name, exact: true }).click();
	for (const p of pictures) await page.locator('label.picture', { hasText: p }).click();
	await page.getByRole('button', { name: /Vào học/ }).click();
	await page.waitForURL(/\/learn/);
	return { teacher, classPage };
}
