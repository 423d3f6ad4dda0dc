// Runs pa11y (HTML_CodeSniffer, WCAG 2 AA) in Chromium on pages of a built
// site and prints the issues it reports as errors, as JSON.
//   CHROMIUM=PATH node pa11y.mjs SITE_DIR PAGE...
import { createRequire } from "node:module";
import pa11y from "pa11y";

// The puppeteer pa11y itself uses, to share one browser between pages.
const require = createRequire(import.meta.url);
const puppeteer = createRequire(require.resolve("pa11y"))("puppeteer");
const [site, ...pages] = process.argv.slice(2);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM,
  args: [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
  ],
});
// pa11y waits for the network to idle on each page: test a few at once.
const results = {};
async function worker(queue) {
  for (let name = queue.shift(); name; name = queue.shift()) {
    const result = await pa11y(`file://${site}/${name}`, {
      browser, runners: ["htmlcs"], standard: "WCAG2AA",
    });
    results[name] = result.issues;
  }
}
try {
  const queue = [...pages];
  await Promise.all([1, 2, 3, 4].map(() => worker(queue)));
} finally {
  await browser.close();
}
const issues = pages.flatMap((name) =>
  results[name].map((issue) => ({
    page: name, type: issue.type, code: issue.code, selector: issue.selector,
    message: issue.message,
  })),
);
console.log(JSON.stringify(issues, null, 1));
