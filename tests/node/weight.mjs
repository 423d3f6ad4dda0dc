// Loads pages of a built site in Chromium, at phone size, and prints what
// each fetched until the network was idle (the page, its stylesheets,
// scripts, fonts, whatever they ask for) and its icon, as JSON: page -> URLs.
//   node weight.mjs SITE_DIR PAGE...
import { chromium } from "playwright-core";

const [site, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
  ],
});
const fetched = {};
// A fresh context a page (nothing cached from the page before), a few at once.
async function worker(queue) {
  for (let name = queue.shift(); name; name = queue.shift()) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const urls = new Set();
    page.on("request", (request) => urls.add(request.url()));
    await page.goto(`file://${site}/${name}`, { waitUntil: "networkidle" });
    // The icon a browser shows in the tab: headless Chromium does not
    // always ask for it before the network is idle.
    const icons = await page.$$eval('link[rel~="icon"]', (links) => links.map((l) => l.href));
    fetched[name] = [...new Set([...urls, ...icons])];
    await context.close();
  }
}
const queue = [...pages];
await Promise.all(Array.from({ length: 6 }, () => worker(queue)));
await browser.close();
console.log(JSON.stringify(fetched, null, 1));
