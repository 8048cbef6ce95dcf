import { describe, expect, it } from "vitest";
import { processWide } from "./processWide";

describe("processWide", () => {
  it("makes the value once, on first use, and gives every caller the same", () => {
    let made = 0;
    const make = () => ({ made: ++made });
    expect(made).toBe(0);
    const first = processWide("test.once", make);
    // as a second copy of the module in another chunk asks, with a function of its own
    const second = processWide("test.once", () => ({ made: ++made }));
    expect(second).toBe(first);
    expect(made).toBe(1);
    expect(processWide("test.other", make)).not.toBe(first);
  });
});
