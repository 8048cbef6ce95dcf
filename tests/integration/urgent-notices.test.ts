import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { readXml } from "../helpers/readXml";
import { currentUrgentNotices, feedNotices, latestNotices, listNotices } from "@/lib/notices/queries";
import { GET as feed } from "@/app/[locale]/notices/feed.xml/route";
import { GET as feedXsl } from "@/app/[locale]/notices/feed.xsl/route";
import { GET as apiNotices } from "@/app/api/v1/notices/route";

let database: TestDatabase;
let community: string;
const hour = 3600_000;
const day = 24 * hour;

type TNew = {
  title: string;
  pinned?: boolean;
  urgent?: boolean;
  category?: string;
  ageMs: number;
  expiresInMs?: number;
};

/** A published notice for the test community, published `ageMs` ago. */
async function notice(input: TNew) {
  const publishedAt = new Date(Date.now() - input.ageMs);
  const communityId = (await database.prisma.community.findUniqueOrThrow({ where: { code: community } })).id;
  return database.prisma.notice.create({
    data: {
      title: input.title,
      body: `${input.title}正文`,
      category: input.category ?? "announcements",
      emergency: input.category === "emergency",
      pinned: input.pinned ?? false,
      urgent: input.urgent ?? false,
      source: "测试街道办事处",
      status: "PUBLISHED",
      publishAt: publishedAt,
      publishedAt,
      expiresAt: input.expiresInMs === undefined ? null : new Date(Date.now() + input.expiresInMs),
      targets: { create: [{ communityId }] },
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  // a community of its own, so the test's notices are its whole list
  const street = await database.prisma.street.findFirstOrThrow();
  community = (
    await database.prisma.community.create({
      data: { code: "510199999999", name: "测试社区", nameEn: "Test Community", streetId: street.id },
    })
  ).code;
  await notice({ title: "置顶的常规通知", pinned: true, ageMs: 1 * hour });
  await notice({ title: "最新的常规通知", ageMs: 0.5 * hour });
  await notice({ title: "【紧急】燃气管道抢修", urgent: true, ageMs: 5 * hour, expiresInMs: day });
  await notice({ title: "暴雨蓝色预警", category: "emergency", ageMs: 4 * hour });
});
afterAll(() => database.close());

const titles = (items: { title: string }[]) => items.map((n) => n.title);

describe("urgent notices", () => {
  it("the seeded emergency is urgent and current; the expired one is not listed", async () => {
    const seeded = await database.prisma.notice.findMany({
      where: { category: "emergency", source: { not: "测试街道办事处" } },
    });
    expect(seeded.length).toBeGreaterThanOrEqual(2);
    expect(seeded.every((n) => n.urgent)).toBe(true);
    const banner = titles(await currentUrgentNotices({}));
    expect(banner).toContain("【紧急】寒潮蓝色预警：请做好防寒防冻和燃气安全");
    expect(banner).not.toContain("暴雨黄色预警：簇桥街道防汛安全提示");
  });

  it("come first, then 防汛应急, then pinned, then the newest: list, home, feed and API", async () => {
    const expected = ["【紧急】燃气管道抢修", "暴雨蓝色预警", "置顶的常规通知", "最新的常规通知"];
    const list = await listNotices({ filter: { community } });
    expect(titles(list.items)).toEqual(expected);
    // a resident's own communities still come first, urgent first within them
    const mine = await listNotices({ filter: {}, mine: [community] });
    expect(titles(mine.items.slice(0, 4))).toEqual(expected);
    expect(titles(await latestNotices({ limit: 4, mine: [community] }))).toEqual(expected);
    expect(titles(await feedNotices({ filter: { community } }))).toEqual(expected);
    // the whole list: every urgent notice before every routine pinned one
    const all = (await listNotices({ filter: {} })).items;
    const lastUrgent = all.map((n) => n.urgent).lastIndexOf(true);
    const firstPinnedRoutine = all.findIndex((n) => n.pinned && !n.urgent && !n.emergency);
    expect(lastUrgent).toBeGreaterThanOrEqual(0);
    expect(lastUrgent).toBeLessThan(firstPinnedRoutine);
    const api = await apiNotices(new Request(`http://localhost/api/v1/notices?community=${community}`));
    const body = (await api.json()) as { items: { title: string; urgent: boolean }[] };
    expect(body.items.map((n) => n.title)).toEqual(expected);
    expect(body.items[0].urgent).toBe(true);
  });

  it("stay on the banner until they expire; without an end date, for three days", async () => {
    await notice({ title: "【紧急】已过期", urgent: true, ageMs: 2 * day, expiresInMs: -hour });
    await notice({ title: "【紧急】无截止日期·新", urgent: true, ageMs: 2 * day });
    await notice({ title: "【紧急】无截止日期·旧", urgent: true, ageMs: 4 * day });
    await notice({ title: "【紧急】尚未发布", urgent: true, ageMs: -hour, expiresInMs: day });
    const banner = titles(await currentUrgentNotices({ limit: 10 }));
    expect(banner).toContain("【紧急】燃气管道抢修");
    expect(banner).toContain("【紧急】无截止日期·新");
    expect(banner).not.toContain("【紧急】已过期");
    expect(banner).not.toContain("【紧急】无截止日期·旧");
    expect(banner).not.toContain("【紧急】尚未发布");
    // the routine list still shows the old one without an end date: only the banner lets it go
    expect(titles((await listNotices({ filter: { community } })).items)).toContain("【紧急】无截止日期·旧");
    // and the banner a day later: the gas repair has expired
    const later = titles(await currentUrgentNotices({ now: new Date(Date.now() + 1.5 * day), limit: 10 }));
    expect(later).not.toContain("【紧急】燃气管道抢修");
  });
});

describe("the notices feed", () => {
  it("links to the public address whatever Host the request names, with its stylesheet and policy", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://portal.example.cn");
    try {
      const request = new Request(`http://attacker.example/en/notices/feed.xml?community=${community}`, {
        headers: { host: "attacker.example", "x-forwarded-host": "attacker.example" },
      });
      const response = await feed(request, { params: Promise.resolve({ locale: "en" }) });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
      const policy = response.headers.get("content-security-policy")!;
      expect(policy.split("; ")).toEqual([
        "default-src 'none'",
        "script-src https://portal.example.cn/en/notices/feed.xsl",
        expect.stringMatching(/^style-src 'sha256-[A-Za-z0-9+/]{43}='$/),
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ]);
      const xml = await response.text();
      expect(xml).not.toContain("attacker");
      expect(xml).toContain('<?xml-stylesheet type="text/xsl" href="/en/notices/feed.xsl"?>');
      const read = readXml(xml);
      expect(read.error).toBeNull();
      const links = read.elements.filter((e) => e.name === "link").map((e) => e.text);
      expect(links.length).toBeGreaterThan(1);
      for (const link of links) expect(link).toMatch(/^https:\/\/portal\.example\.cn\/en\/notices/);
      expect(read.elements.find((e) => e.name === "atom:link")?.attributes.href).toBe(
        `https://portal.example.cn/en/notices/feed.xml?community=${community}`,
      );
      // urgent first; the untranslated (Chinese-only) titles say so, with a long English date
      const items = read.elements.filter((e) => e.name === "title").slice(1);
      expect(items[0]).toMatchObject({ text: "【紧急】燃气管道抢修", attributes: { "xml:lang": "zh-Hans" } });
      expect(read.elements.find((e) => e.name === "portal:date")?.text).toMatch(
        /^\d{1,2} [A-Z][a-z]+ 20\d\d$/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("has a stylesheet in each language, with every label escaped", async () => {
    for (const locale of ["zh-Hans", "en"]) {
      const response = await feedXsl(new Request(`http://localhost/${locale}/notices/feed.xsl`), {
        params: Promise.resolve({ locale }),
      });
      expect(response.headers.get("content-type")).toBe("text/xsl; charset=utf-8");
      const xsl = await response.text();
      expect(readXml(xsl).error).toBeNull();
      expect(xsl).toContain(`<html lang="${locale}">`);
      expect(xsl).toContain(locale === "en" ? "Available in Chinese only" : "RSS 订阅源");
    }
    const unknown = await feedXsl(new Request("http://localhost/xx/notices/feed.xsl"), {
      params: Promise.resolve({ locale: "xx" }),
    });
    expect(unknown.status).toBe(404);
  });
});
