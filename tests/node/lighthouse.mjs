// Runs Lighthouse (accessibility, best practices, SEO; or the categories in
// $CATEGORIES, comma-separated, as "performance") on pages of a site
// served over HTTP, with one preset: "desktop" or "mobile" (Lighthouse's
// default, with its simulated throttling). Each page gets a fresh Chromium,
// as the lighthouse command gives it: a browser that has fetched the site's
// favicon once would not ask again. Prints, per page, the category scores,
// the audits that lost points, the audits that could not run (with their
// weight in the score) and the metrics, as JSON.
//   CHROME_PATH=CHROMIUM node lighthouse.mjs BASE_URL PRESET PAGE...
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const [base, preset, ...pages] = process.argv.slice(2);
const config = { desktop: desktopConfig, mobile: undefined }[preset];
const categories = (process.env.CATEGORIES || "accessibility,best-practices,seo").split(",");
if (config === undefined && preset !== "mobile") throw new Error(`preset ${preset}?`);
const runs = [];
for (const name of pages) {
  const chrome = await launch({
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const flags = {
      port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: categories,
    };
    const { lhr } = await lighthouse(`${base}/${name}`, flags, config);
    const scores = {};
    const lost = [];
    const errored = [];
    const metrics = {};
    for (const [id, category] of Object.entries(lhr.categories)) {
      scores[id] = category.score;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          lost.push({ category: id, audit: ref.id, title: audit.title });
        }
        if (audit.scoreDisplayMode === "error") {
          errored.push({ category: id, audit: ref.id, weight: ref.weight });
        }
        if (ref.group === "metrics") metrics[ref.id] = audit.numericValue;
      }
    }
    const error = lhr.runtimeError?.code || null;
    runs.push({ page: name, preset, scores, lost, errored, metrics, error });
  } finally {
    await chrome.kill();
  }
}
console.log(JSON.stringify(runs, null, 1));
