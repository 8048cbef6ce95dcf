import { chromium } from "playwright";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const ctx = await b.newContext({ viewport: { width: 390, height: 844 } });
const p = await ctx.newPage();
const pages = process.argv.slice(2);
for (const u of pages) {
  await p.goto("http://localhost:3500" + u);
  const r = await p.evaluate(() => {
    const d = document.documentElement;
    const header = document.querySelector("body > header")?.getBoundingClientRect().height;
    const narrow = [...document.querySelectorAll("td, th")].filter(c => getComputedStyle(c.closest("thead") ?? c).position !== "absolute" && c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().width < 4 * parseFloat(getComputedStyle(c).fontSize)).map(c => c.textContent.slice(0, 20) + ":" + Math.round(c.getBoundingClientRect().width));
    const wide = [...document.querySelectorAll("body *")].filter(e => !e.closest("thead") && e.getBoundingClientRect().right > d.clientWidth + 1).slice(0, 5).map(e => e.tagName + "." + e.className.toString().slice(0, 40));
    return { sw: d.scrollWidth, cw: d.clientWidth, header, narrow: narrow.slice(0, 6), wide };
  });
  console.log(u, JSON.stringify(r));
  if (process.env.SHOT) await p.screenshot({ path: `/tmp/probe/${u.replace(/\W/g, "_")}.png` });
}
await b.close();
