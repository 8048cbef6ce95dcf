import { describe, expect, it } from "vitest";
import { tallyLetterFigures, type TFigureLetter } from "./tally";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const letter = (over: Partial<TFigureLetter>): TFigureLetter => ({
  createdAt: new Date("2026-06-10T02:00:00Z"),
  mailbox: "RSJ",
  acceptedOn: null,
  forwarded: false,
  repliedOn: null,
  dueOn: null,
  workingDays: null,
  rating: null,
  ...over,
});

describe("tallyLetterFigures", () => {
  it("groups by China month and mailbox, newest month first", () => {
    const rows = tallyLetterFigures([
      // 2026-06-30 20:00 UTC is already 1 July in China
      letter({ createdAt: new Date("2026-06-30T20:00:00Z") }),
      letter({}),
      letter({ mailbox: null }),
    ]);
    expect(rows.map((r) => [r.month, r.mailbox, r.received])).toEqual([
      ["2026-07", "RSJ", 1],
      ["2026-06", null, 1],
      ["2026-06", "RSJ", 1],
    ]);
  });

  it("counts replies on or before the due day as on time, averages the working days, and counts 基本满意 as satisfied", () => {
    const [row] = tallyLetterFigures([
      letter({
        repliedOn: day("2026-06-20"),
        dueOn: day("2026-06-20"),
        workingDays: 5,
        rating: "FAIRLY_SATISFIED",
      }),
      letter({
        repliedOn: day("2026-06-25"),
        dueOn: day("2026-06-20"),
        workingDays: 8,
        rating: "UNSATISFIED",
      }),
      letter({
        repliedOn: day("2026-06-15"),
        dueOn: day("2026-06-20"),
        workingDays: 2,
        acceptedOn: day("2026-06-12"),
        forwarded: true,
      }),
      letter({}),
    ]);
    expect(row).toEqual({
      month: "2026-06",
      mailbox: "RSJ",
      received: 4,
      accepted: 1,
      forwarded: 1,
      replied: 3,
      repliedOnTime: 2,
      averageWorkingDays: 5,
      rated: 2,
      satisfied: 1,
    });
  });
});
