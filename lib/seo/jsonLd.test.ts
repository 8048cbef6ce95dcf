import { describe, expect, it } from "vitest";
import { governmentServiceLd, jsonLdText } from "./jsonLd";

const service = {
  code: "RS-JYDJ-001",
  name: "就业登记</script><script>alert(1)</script>",
  nameEn: "Employment registration",
  summary: "办理就业登记",
  summaryEn: null,
  type: "PUBLIC_SERVICE",
  audience: "PERSON" as const,
  fee: "不收费",
  consultPhone: "028-12345678",
  location: "市民中心",
  hours: "工作日",
  visits: 0,
  updatedAt: new Date("2030-01-01T00:00:00Z"),
  department: {
    name: "人力资源和社会保障局",
    nameEn: "HR bureau",
    phone: "028-1",
    email: "a@b.cn",
    address: "成都",
  },
};

describe("GovernmentService JSON-LD", () => {
  it("describes the service with its provider, channels and fee", () => {
    const ld = governmentServiceLd({
      service,
      locale: "en",
      base: "https://portal.example",
      city: "Chengdu",
      serviceTypeLabel: "Public service",
      audienceLabel: "Individuals",
    });
    expect(ld).toMatchObject({
      "@type": "GovernmentService",
      name: "Employment registration",
      identifier: "RS-JYDJ-001",
      url: "https://portal.example/en/services/RS-JYDJ-001",
      provider: { "@type": "GovernmentOrganization", name: "HR bureau" },
      offers: { price: 0, priceCurrency: "CNY" },
      areaServed: { name: "Chengdu" },
    });
    expect(ld.availableChannel[0]).toMatchObject({
      serviceUrl: "https://portal.example/en/services/RS-JYDJ-001/apply",
    });
  });

  it("cannot close its script element, whatever the text", () => {
    const text = jsonLdText(
      governmentServiceLd({
        service,
        locale: "zh-Hans",
        base: "https://p",
        city: "成都市",
        serviceTypeLabel: "公共服务",
        audienceLabel: "个人",
      }),
    );
    expect(text).not.toContain("</script>");
    expect(JSON.parse(text).name).toBe(service.name);
  });
});
