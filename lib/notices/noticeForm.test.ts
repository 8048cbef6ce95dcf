import { describe, expect, it } from "vitest";
import { joinDateTime, noticeFromForm, ZNoticeForm } from "./noticeForm";

const posted = (overrides: Record<string, string> = {}) => ({
  title: "和平街社区临时停水通知",
  body: "## 停水时间\n\n今日施工。",
  category: "utilities",
  source: "春熙路街道办事处",
  publishAt: "2026-12-01",
  publishAtTime: "09:30",
  ...overrides,
});

const errorsOf = (form: Record<string, string>) => {
  const parsed = ZNoticeForm.safeParse(form);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the notice form's date and 24-hour time", () => {
  it("joins a date and a time on the 24-hour clock, seconds kept when typed", () => {
    expect(joinDateTime("2026-12-01", "9:05")).toBe("2026-12-01T09:05");
    expect(joinDateTime("2026-12-01", "18:00")).toBe("2026-12-01T18:00");
    expect(joinDateTime("2026-12-01", "23:59:30")).toBe("2026-12-01T23:59:30");
    // the former single field still works (scripts, an open page from before)
    expect(joinDateTime("2026-12-01T08:00", "")).toBe("2026-12-01T08:00");
    for (const bad of ["", "24:00", "9:5", "6pm", "09.30", "12:60"])
      expect(joinDateTime("2026-12-01", bad)).toBeNull();
  });

  it("names the time field for a time not on the 24-hour clock, the date field for an impossible date", () => {
    expect(errorsOf(posted())).toEqual({});
    expect(errorsOf(posted({ publishAtTime: "6:30 PM" }))).toEqual({ publishAtTime: "timeInvalid" });
    expect(errorsOf(posted({ publishAt: "2026-02-30" }))).toEqual({ publishAt: "dateTimeInvalid" });
    // an expiry is optional: a date without a time is not
    expect(errorsOf(posted({ expiresAt: "", expiresAtTime: "" }))).toEqual({});
    expect(errorsOf(posted({ expiresAt: "2026-12-31", expiresAtTime: "" }))).toEqual({
      expiresAtTime: "timeInvalid",
    });
  });

  it("reads Beijing time, the urgent flag and the pin", () => {
    const form = ZNoticeForm.parse(
      posted({ expiresAt: "2026-12-31", expiresAtTime: "18:00", urgent: "on", pinned: "on" }),
    );
    const formData = new FormData();
    formData.append("scope", "d:510104");
    const notice = noticeFromForm(form, formData);
    expect(notice.publishAt.toISOString()).toBe("2026-12-01T01:30:00.000Z");
    expect(notice.expiresAt?.toISOString()).toBe("2026-12-31T10:00:00.000Z");
    expect(notice).toMatchObject({ urgent: true, pinned: true });
    expect(noticeFromForm(ZNoticeForm.parse(posted()), formData)).toMatchObject({
      urgent: false,
      expiresAt: null,
    });
  });
});
