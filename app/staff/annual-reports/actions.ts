"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { ZReportFiguresForm } from "@/lib/disclosure/reportFigures";
import { publishReport, saveReportFigures } from "@/lib/disclosure/annualReports";

const ZWhich = z.object({
  year: z.coerce.number().int().min(2000).max(2099),
  scope: z.string().regex(/^[A-Z]{2,10}$/),
});

const back = (input: { year: number; scope: string }, done: string) =>
  redirect(`/staff/annual-reports?year=${input.year}&scope=${input.scope}&done=${done}`);

export const saveFigures = formAction({
  schema: z.intersection(ZWhich, ZReportFiguresForm),
  actor: "staff",
  run: async ({ input, actor }) => {
    const { year, scope, ...figures } = input;
    await saveReportFigures({ actor, year, scope, figures });
    back({ year, scope }, "saved");
  },
});

export const publish = formAction({
  schema: ZWhich,
  actor: "staff",
  run: async ({ input, actor }) => {
    await publishReport({ actor, ...input });
    back(input, "published");
  },
});
