// Makes the installable app's PNG icons from static/icons/icon.svg (run once after changing the SVG;
// the PNGs are committed): 192 and 512 px, and a 180 px one for iPads' home screens.
import sharp from 'sharp';

const root = new URL('../../static/icons/', import.meta.url).pathname;
for (const size of [180, 192, 512]) {
	await sharp(root + 'icon.svg', { density: 300 })
		.resize(size, size)
		.png({ compressionLevel: 9 })
		.toFile(`${root}icon-${size}.png`);
}
console.log('icons written to static/icons/');
