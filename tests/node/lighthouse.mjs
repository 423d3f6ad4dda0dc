// Runs Lighthouse (accessibility, best practices, SEO) on pages of a site
// served over HTTP, with one preset: "desktop" or "mobile" (Lighthouse's
// default). Each page gets a fresh Chromium, as the lighthouse command
// gives it: a browser that has fetched the site's favicon once would not
// ask again. Prints, per page, the category scores and the audits that lost
// points, as JSON.
//   CHROME_PATH=CHROMIUM node lighthouse.mjs BASE_URL PRESET PAGE...
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const [base, preset, ...pages] = process.argv.slice(2);
const config = { desktop: desktopConfig, mobile: undefined }[preset];
if (config === undefined && preset !== "mobile") throw new Error(`preset ${preset}?`);
const runs = [];
for (const name of pages) {
  const chrome = await launch({
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const flags = {
      port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: ["accessibility", "best-practices", "seo"],
    };
    const { lhr } = await lighthouse(`${base}/${name}`, flags, config);
    const scores = {};
    const lost = [];
    for (const [id, category] of Object.entries(lhr.categories)) {
      scores[id] = category.score;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          lost.push({ category: id, audit: ref.id, title: audit.title });
        }
      }
    }
    runs.push({ page: name, preset, scores, lost, error: lhr.runtimeError?.code || null });
  } finally {
    await chrome.kill();
  }
}
console.log(JSON.stringify(runs, null, 1));
