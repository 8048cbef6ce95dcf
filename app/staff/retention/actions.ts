"use server";

import { staffSettingsForms } from "@/lib/actions/formAction";
import { ZRetention } from "@/lib/settings/retention";
import { saveRetention } from "@/lib/settings/queries";

const form = staffSettingsForms("/staff/retention");

export const saveRetentionPeriods = form("1", ZRetention, saveRetention, "retention");
