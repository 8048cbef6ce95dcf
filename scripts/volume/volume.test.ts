import { describe, expect, it } from "vitest";
import { places } from "../../prisma/seed/data/places";
import { departments as seededDepartments } from "../../prisma/seed/data/departments";
import { services } from "../../prisma/seed/data/services";
import { caseWorkflow, type TCaseStep } from "../../lib/cases/caseWorkflow";
import { validateAnswers } from "../../lib/services/answers";
import { isValidIdCardNumber } from "../../lib/shared/checksums";
import { createRandom, rowRandom } from "./prng";
import { makeDocument, type TCommunityRef } from "./content";
import { makeNotice } from "./notices";
import { idCardWithCheck, makeCase, type TServiceRef } from "./cases";
import { plantedDocuments, plantedNotices } from "./planted";
import { isReserved } from "./vocabulary";
import { parseVolumeArgs } from "./args";
import { insertSql, rowColumns } from "./insert";

// the generator leaves out the bodies that only issue documents (scripts/volume/writeDocuments.ts)
const departments = seededDepartments.filter((d) => !d.issuerOnly);

const seed = 42;
const endDay = "2026-11-26";
const communities: TCommunityRef[] = places.districts.flatMap((d) =>
  d.streets.flatMap((s) =>
    s.communities.map((c) => ({ code: c.code, name: c.name, streetName: s.name, districtName: d.name })),
  ),
);
const serviceRefs: TServiceRef[] = services.map((s) => ({
  code: s.code,
  audience: s.audience,
  hot: s.hot ?? false,
  form: s.form,
}));
const persons = [
  { name: "张晓明", idNumber: "510104199003071237", phone: "13800280001", email: "citizen@example.cn" },
];
const organisations = [
  {
    name: "成都蓉城科技有限公司",
    idNumber: "91510100MA61RC8H2N",
    phone: "13800280003",
    email: "org@example.cn",
  },
];
const doc = (index: number) => makeDocument({ seed, index, endDay, departments });
const notice = (index: number) => makeNotice({ seed, index, endDay, communities });
const kase = (index: number) =>
  makeCase({ seed, index, total: 400, endDay, services: serviceRefs, persons, organisations, communities });

describe("the seeded PRNG", () => {
  it("repeats a sequence for a seed and differs between seeds", () => {
    const draw = (s: number) => Array.from({ length: 5 }, createRandom(s).next);
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it("gives each row its own stream, independent of the rows drawn before it", () => {
    expect(rowRandom(7, "document", 500).next()).toBe(rowRandom(7, "document", 500).next());
    expect(rowRandom(7, "document", 500).next()).not.toBe(rowRandom(7, "notice", 500).next());
    const random = createRandom(3);
    for (let i = 0; i < 1000; i++) {
      const n = random.int(2, 4);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(4);
    }
    expect(
      createRandom(3).weighted([
        ["only", 1],
        ["never", 0],
      ]),
    ).toBe("only");
  });
});

describe("generated content", () => {
  it("makes the same row for the same (seed, index), whatever was made before", () => {
    const later = [doc(900), notice(900), kase(900)];
    expect([doc(900), notice(900), kase(900)]).toEqual(later);
    expect(doc(900).title === doc(901).title && doc(900).body === doc(901).body).toBe(false);
  });

  it("writes the planted items first", () => {
    plantedDocuments.forEach((planted, i) =>
      expect(doc(i)).toMatchObject({
        title: planted.title,
        department: planted.department,
        year: planted.year,
      }),
    );
    plantedNotices.forEach((planted, i) => expect(notice(i).title).toBe(planted.title));
  });

  it("keeps reserved search terms out of generated text, and varies titles and bodies", () => {
    const docs = Array.from({ length: 1500 }, (_, i) => doc(plantedDocuments.length + i));
    for (const d of docs) {
      expect(isReserved(`${d.title} ${d.keywords} ${d.summary} ${d.body}`), d.title).toBe(false);
      expect(d.body.length).toBeGreaterThan(150);
      expect(d.body.length).toBeLessThan(1500);
      expect(Number(d.writtenOn.slice(0, 4))).toBeGreaterThanOrEqual(2016);
      expect(d.writtenOn <= endDay).toBe(true);
      expect(d.publishedAt.getTime()).toBeLessThan(Date.parse(`${endDay}T23:59:59+08:00`));
    }
    expect(new Set(docs.map((d) => d.title)).size).toBeGreaterThan(1000);
    expect(new Set(docs.map((d) => d.body)).size).toBe(docs.length);
    expect(new Set(docs.map((d) => d.department)).size).toBe(departments.length);
    for (let i = plantedNotices.length; i < 500; i++)
      expect(isReserved(`${notice(i).title} ${notice(i).body}`)).toBe(false);
  });

  it("targets seeded communities and expires notices after they are published", () => {
    const codes = new Set(communities.map((c) => c.code));
    for (let i = 0; i < 300; i++) {
      const n = notice(i);
      expect(n.communities.length).toBeGreaterThan(0);
      n.communities.forEach((code) => expect(codes.has(code)).toBe(true));
      if (n.expiresAt) expect(n.expiresAt.getTime()).toBeGreaterThan(n.publishedAt.getTime());
    }
  });

  it("makes cases that answer their service's form and follow the transition table", () => {
    for (let i = 0; i < 400; i++) {
      const c = kase(i);
      const service = serviceRefs[c.serviceIndex];
      const result = validateAnswers(service.form, c.answers);
      const errors = result.ok ? {} : result.fieldErrors;
      // uploads are not generated: only file fields may be missing
      const fileFields = new Set(
        service.form.steps
          .flatMap((s) => s.fields)
          .filter((f) => f.type === "file")
          .map((f) => f.name),
      );
      expect(
        Object.keys(errors).filter((name) => !fileFields.has(name)),
        `${service.code} ${JSON.stringify(errors)}`,
      ).toEqual([]);
      expect(c.events[0]).toMatchObject({ kind: "submit", toStatus: "SUBMITTED" });
      for (const event of c.events.slice(1)) {
        const rule = caseWorkflow.steps[event.kind as TCaseStep];
        expect(rule.from).toContain(event.fromStatus);
        expect(rule.to).toBe(event.toStatus);
      }
      expect(c.events[c.events.length - 1].toStatus).toBe(c.status);
      expect(c.accessCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    }
  });

  it("puts cases in time order across the ten years, more in recent years", () => {
    const times = Array.from({ length: 400 }, (_, i) => kase(i).submittedAt.getTime());
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
    const tenYearsAgo = Date.parse(`${endDay}T00:00:00+08:00`) - 3650 * 24 * 3600_000;
    expect(times[0] - tenYearsAgo).toBeLessThan(200 * 24 * 3600_000);
    expect(times[times.length - 1]).toBeLessThanOrEqual(Date.parse(`${endDay}T18:00:00+08:00`));
    const lastYear = times.filter(
      (t) => t > Date.parse(`${endDay}T00:00:00+08:00`) - 365 * 24 * 3600_000,
    ).length;
    expect(lastYear).toBeGreaterThan(400 / 10);
  });

  it("makes valid 身份证号 check characters", () => {
    expect(idCardWithCheck("51010419900307123")).toBe("510104199003071237");
    expect(isValidIdCardNumber(idCardWithCheck("51010719880512100"))).toBe(true);
  });
});

describe("seed:volume arguments and SQL", () => {
  it("parses counts and refuses nonsense", () => {
    expect(
      parseVolumeArgs(["--documents", "100000", "--notices", "20,000", "--cases", "1_000_000"]),
    ).toMatchObject({
      documents: 100_000,
      notices: 20_000,
      cases: 1_000_000,
      batch: 1000,
      endDay: null,
      skipSearchIndex: false,
    });
    expect(parseVolumeArgs(["--end", "2026-01-31", "--skip-search-index"])).toMatchObject({
      endDay: "2026-01-31",
      skipSearchIndex: true,
      documents: 0,
    });
    expect(() => parseVolumeArgs(["--documents", "-5"])).toThrow();
    expect(() => parseVolumeArgs(["--documents", "lots"])).toThrow(/whole number/);
    expect(() => parseVolumeArgs(["--end", "yesterday"])).toThrow(/YYYY-MM-DD/);
    expect(() => parseVolumeArgs(["--batch", "0"])).toThrow();
    expect(() => parseVolumeArgs(["--bogus", "1"])).toThrow();
  });

  it("numbers the placeholders of a multi-row INSERT with their casts", () => {
    expect(
      insertSql(
        "T",
        [
          ["a", ""],
          ["b", "int"],
        ],
        2,
        "ON CONFLICT DO NOTHING",
      ),
    ).toBe('INSERT INTO "T" ("a", "b") VALUES ($1, $2::int), ($3, $4::int) ON CONFLICT DO NOTHING');
  });

  it("refuses rows whose columns the table does not have or that leave out a required one", () => {
    const types = new Map([
      [
        "T",
        new Map([
          ["id", { type: "text", required: true }],
          ["note", { type: "text", required: false }],
        ]),
      ],
    ]);
    expect(rowColumns(types, "T", [{ id: "a", note: null }])).toEqual(["id", "note"]);
    expect(() => rowColumns(types, "T", [{ id: "a", gone: 1 }])).toThrow(/no column "gone"/);
    expect(() => rowColumns(types, "T", [{ note: "x" }])).toThrow(/required column "id" not written/);
    expect(() => rowColumns(types, "T", [{ id: "a" }, { id: "b", note: "x" }])).toThrow(/different columns/);
  });
});
