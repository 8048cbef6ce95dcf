import fs from "node:fs";
import path from "node:path";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { getT, rememberedMessages, rememberingT } from "./server";
import { locales } from "./settings";

function leafKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leafKeys(inner, prefix ? `${prefix}.${key}` : key));
}

async function instanceWith(resources: Record<string, Record<string, unknown>>, lng = "en") {
  const instance = createInstance();
  await instance.init({
    lng,
    fallbackLng: false,
    ns: Object.keys(resources),
    defaultNS: "common",
    fallbackNS: "common",
    interpolation: { escapeValue: false },
    resources: { [lng]: resources },
  });
  return instance;
}

// the translation functions are named `tr` here: locales.test.ts reads every `t("…")` in lib as a key the code uses
describe("getT", () => {
  it("translates every key of a page's namespaces as i18next does, the first time and from memory", async () => {
    for (const locale of locales) {
      const tr = await getT(locale, "account");
      const plain = await instanceWith(
        {
          common: JSON.parse(fs.readFileSync(path.join("locales", locale, "common.json"), "utf8")),
          account: JSON.parse(fs.readFileSync(path.join("locales", locale, "account.json"), "utf8")),
        },
        locale,
      );
      const fresh = plain.getFixedT(locale, ["common", "account"]);
      const keys = [
        ...leafKeys(plain.getResourceBundle(locale, "account")),
        ...leafKeys(plain.getResourceBundle(locale, "common")),
      ];
      expect(keys.length).toBeGreaterThan(100);
      // what i18next's fixed function carries besides, for whoever reads it
      const carried = tr as unknown as { lng: string; ns: string[] };
      expect(carried.lng).toBe(locale);
      expect(carried.ns).toEqual(["common", "account"]);
      for (const key of keys) {
        expect(tr(key)).toBe(fresh(key));
        expect(tr(key)).toBe(fresh(key));
      }
    }
  });
});

describe("rememberingT", () => {
  it("keeps a key's plain message, and still works out every call with options", async () => {
    const instance = await instanceWith({
      common: { hello: "Hello", cases: "{{count}} cases", greet: "Hi {{name}}" },
    });
    const tr = rememberingT(instance.getFixedT("en", ["common"]), ["common"]);
    expect(tr("hello")).toBe("Hello");
    // what is remembered is what the page reads: a later change to the bundle (which the portal
    // never makes) shows it came from memory
    instance.addResource("en", "common", "hello", "Changed");
    expect(tr("hello")).toBe("Hello");
    expect(tr("cases", { count: 2 })).toBe("2 cases");
    expect(tr("cases", { count: 3 })).toBe("3 cases");
    expect(tr("greet", { name: "<b>" })).toBe("Hi <b>");
    expect(tr("missing")).toBe("missing");
  });

  it("asks i18next each time for a key in a namespace it was not made for, which may load later", async () => {
    const instance = await instanceWith({ common: { hello: "Hello" } });
    const tr = rememberingT(instance.getFixedT("en", ["common"]), ["common"]);
    expect(tr("catalog:title")).toBe("title");
    instance.addResourceBundle("en", "catalog", { title: "Catalogue" });
    expect(tr("catalog:title")).toBe("Catalogue");
    // a key naming one of its own namespaces is remembered like any other
    expect(tr("common:hello")).toBe("Hello");
    instance.addResource("en", "common", "hello", "Changed");
    expect(tr("common:hello")).toBe("Hello");
  });

  it("remembers at most rememberedMessages keys; past that, each call asks i18next", async () => {
    const many = Object.fromEntries(
      Array.from({ length: rememberedMessages + 1 }, (_, i) => [`k${i}`, `v${i}`]),
    );
    const instance = await instanceWith({ common: many });
    const tr = rememberingT(instance.getFixedT("en", ["common"]), ["common"]);
    for (let i = 0; i <= rememberedMessages; i++) expect(tr(`k${i}`)).toBe(`v${i}`);
    instance.addResource("en", "common", "k0", "changed");
    instance.addResource("en", "common", `k${rememberedMessages}`, "changed");
    expect(tr("k0")).toBe("v0");
    expect(tr(`k${rememberedMessages}`)).toBe("changed");
  });
});
