// Runs axe-core in Chromium on pages of a built site, in light and dark
// colour schemes at desktop and phone sizes, and prints the violations as
// JSON. Screenshots of the pages named in SHOTS (comma-separated) are saved.
//   CHROMIUM=PATH node axe.mjs SITE_DIR SHOTS_DIR PAGE...
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [site, shotsDir, ...pages] = process.argv.slice(2);
const shots = new Set((process.env.SHOTS || "").split(",").filter(Boolean));
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const viewports = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };

mkdirSync(shotsDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
  ],
});
const violations = [];
for (const scheme of ["light", "dark"]) {
  for (const [size, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    const page = await context.newPage();
    for (const name of pages) {
      await page.goto(`file://${site}/${name}`);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(
        (values) => axe.run(document, { runOnly: { type: "tag", values } }),
        tags,
      );
      for (const v of result.violations) {
        violations.push({
          page: name, scheme, size, id: v.id, impact: v.impact, nodes: v.nodes.length,
          help: v.help,
        });
      }
      if (shots.has(name)) {
        const slug = name.replace(/\.html$/, "").replaceAll("/", "-");
        await page.screenshot({ path: `${shotsDir}/${slug}-${size}-${scheme}.png` });
      }
    }
    await context.close();
  }
}
await browser.close();
console.log(JSON.stringify(violations, null, 1));
