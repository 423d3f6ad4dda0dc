// Prints a page as Chromium's "Save as PDF" does, with its own defaults and
// no header or footer, through the DevTools protocol (the packed Chromium of
// @sparticuz/chromium never finishes a --print-to-pdf run).
//   CHROMIUM=PATH node print.mjs URL PDF
import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [url, pdf] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  const devtools = await page.context().newCDPSession(page);
  const { data } = await devtools.send("Page.printToPDF", { displayHeaderFooter: false });
  writeFileSync(pdf, Buffer.from(data, "base64"));
} finally {
  await browser.close();
}
